using CowHealth.Contracts;

namespace CowHealth.Processor.Detection.Rules;

/// <summary>
/// Heat (oestrus): activity averaged over <see cref="HeatSettings.AveragedOver"/> reaches
/// <see cref="HeatSettings.ActivityRatio"/> times her own activity for the same hours. Cows in
/// oestrus walk and mount two to four times as much as usual for about 8–18 hours; their temperature
/// rises only a few tenths, too little and too inconsistently to require, so it is not demanded.
/// </summary>
internal sealed class HeatRule(HeatSettings settings)
    : AveragedRatioRule(HealthCondition.Heat, settings, settings.AveragedOver, settings.ActivityRatio, settings.ClearActivityRatio, rises: true)
{
    protected override (double Observed, double Baseline) Measure(in CowSignals signals) => (signals.Activity, signals.ActivityBaseline);

    public override AlertSeverity SeverityOf(double meanObserved, double meanBaseline) => AlertSeverity.Info;

    public override AlertEvidence DetectedEvidence(in Episode episode) => Evidence(nameof(SensorReading.ActivityIndex), episode, episode.Baseline * Ratio,
        $"Activity {episode.Observed / episode.Baseline:0.0} times her usual for these hours, for {EvidenceText.Duration(episode.Duration)}: " +
        "she is likely in heat; plan insemination about 12 hours after onset.");

    public override AlertEvidence ClearedEvidence(in Episode episode) => Evidence(nameof(SensorReading.ActivityIndex), episode, episode.Baseline * ClearRatio,
        $"Activity back below {ClearRatio:0.0#} times her usual for {EvidenceText.Duration(episode.Duration)}.");
}
