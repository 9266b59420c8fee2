using CowHealth.Contracts;

namespace CowHealth.Processor.Detection.Rules;

/// <summary>
/// Rumination drop: rumination averaged over <see cref="RuminationDropSettings.AveragedOver"/> falls
/// to <see cref="RuminationDropSettings.RuminationRatio"/> of her own rumination for the same hours.
/// A healthy cow ruminates 400–600 minutes a day; ketosis, a displaced abomasum, metritis, mastitis
/// and acidosis cut it, often a day or more before clinical signs.
/// </summary>
internal sealed class RuminationDropRule(RuminationDropSettings settings)
    : AveragedRatioRule(HealthCondition.RuminationDrop, settings, settings.AveragedOver)
{
    private const string Measure = nameof(SensorReading.RuminationMinutes);
    private readonly double _ratio = settings.RuminationRatio;
    private readonly double _clearRatio = settings.ClearRuminationRatio;

    public override Verdict Judge(ref ConditionTrack track, in CowSignals signals)
    {
        if (!TryAverage(ref track, signals, signals.Rumination, signals.RuminationBaseline, out var rumination, out var normal))
        {
            return Verdict.Unknown;
        }

        return Verdict.Of(rumination <= _ratio * normal, rumination > _clearRatio * normal, rumination, normal);
    }

    public override AlertSeverity SeverityOf(double meanObserved, double meanBaseline) => AlertSeverity.Warning;

    public override AlertEvidence DetectedEvidence(in Episode episode) => Evidence(Measure, episode, episode.Baseline * _ratio,
        $"Rumination at {EvidenceText.Percent(episode.Observed / episode.Baseline)} of her normal for these hours " +
        $"(minutes per reading, averaged), for {EvidenceText.Duration(episode.Duration)}.");

    public override AlertEvidence ClearedEvidence(in Episode episode) => Evidence(Measure, episode, episode.Baseline * _clearRatio,
        $"Rumination above {EvidenceText.Percent(_clearRatio)} of her normal for {EvidenceText.Duration(episode.Duration)}.");
}
