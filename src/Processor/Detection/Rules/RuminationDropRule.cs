using CowHealth.Contracts;

namespace CowHealth.Processor.Detection.Rules;

/// <summary>
/// Rumination drop: rumination averaged over <see cref="RuminationDropSettings.AveragedOver"/> falls
/// to <see cref="RuminationDropSettings.RuminationRatio"/> of her own rumination for the same hours.
/// A healthy cow ruminates 400–600 minutes a day; ketosis, a displaced abomasum, metritis, mastitis
/// and acidosis cut it, often a day or more before clinical signs.
/// </summary>
internal sealed class RuminationDropRule(RuminationDropSettings settings)
    : AveragedRatioRule(HealthCondition.RuminationDrop, settings, settings.AveragedOver, settings.RuminationRatio, settings.ClearRuminationRatio,
        rises: false)
{
    protected override (double Observed, double Baseline) Measure(in CowSignals signals) => (signals.Rumination, signals.RuminationBaseline);

    public override AlertEvidence DetectedEvidence(in Episode episode) =>
        ShortfallEvidence(nameof(SensorReading.RuminationMinutes), "Rumination", episode, ": she may be off feed or ill");

    public override AlertEvidence ClearedEvidence(in Episode episode) => RecoveryEvidence(nameof(SensorReading.RuminationMinutes), "Rumination", episode);
}
