using CowHealth.Contracts;

namespace CowHealth.Processor.Detection.Rules;

/// <summary>
/// Low activity: activity averaged over <see cref="LowActivitySettings.AveragedOver"/> falls to
/// <see cref="LowActivitySettings.ActivityRatio"/> of her own activity for the same hours. Lameness,
/// ketosis, metritis and a cow going down with milk fever all make her move less.
/// </summary>
internal sealed class LowActivityRule(LowActivitySettings settings)
    : AveragedRatioRule(HealthCondition.LowActivity, settings, settings.AveragedOver, settings.ActivityRatio, settings.ClearActivityRatio, rises: false)
{
    protected override (double Observed, double Baseline) Measure(in CowSignals signals) => (signals.Activity, signals.ActivityBaseline);

    public override AlertEvidence DetectedEvidence(in Episode episode) =>
        ShortfallEvidence(nameof(SensorReading.ActivityIndex), "Activity", episode, ": check her feet and her appetite");

    public override AlertEvidence ClearedEvidence(in Episode episode) => RecoveryEvidence(nameof(SensorReading.ActivityIndex), "Activity", episode);
}
