using CowHealth.Contracts;

namespace CowHealth.Processor.Detection.Rules;

/// <summary>
/// Subacute ruminal acidosis (SARA): rumen pH below <see cref="SubacuteRuminalAcidosisSettings.PhBelow"/>
/// for <see cref="ConditionRuleSettings.SustainedFor"/>. Too much fermentable starch and too little
/// effective fibre keep the rumen acid for hours after feeding; it damages the rumen wall and cuts
/// fibre digestion and milk fat. Only cows with a pH bolus are judged.
/// </summary>
internal sealed class SubacuteRuminalAcidosisRule(SubacuteRuminalAcidosisSettings settings)
    : DetectionRule(HealthCondition.SubacuteRuminalAcidosis, settings)
{
    private const string Measure = nameof(SensorReading.RumenPh);
    private readonly double _below = settings.PhBelow;
    private readonly double _clearAtOrAbove = settings.ClearPhAtOrAbove;

    public override Verdict Judge(ref ConditionTrack track, in CowSignals signals)
    {
        if (!signals.HasPh || signals.PhImplausible)
        {
            return Verdict.Unknown;
        }

        // The baseline is her usual pH, for the evidence; the thresholds are absolute, as in the literature.
        return Verdict.Of(signals.Ph < _below, signals.Ph >= _clearAtOrAbove, signals.Ph, signals.PhNorm);
    }

    public override AlertSeverity SeverityOf(double meanObserved, double meanBaseline) => AlertSeverity.Warning;

    public override AlertEvidence DetectedEvidence(in Episode episode) => Evidence(Measure, episode, _below,
        $"Rumen pH {episode.Observed:0.00} on average for {EvidenceText.Duration(episode.Duration)}, below {_below:0.0#} " +
        $"(her usual {episode.Baseline:0.00}): subacute ruminal acidosis; check the ration's fibre and starch.");

    public override AlertEvidence ClearedEvidence(in Episode episode) => Evidence(Measure, episode, _clearAtOrAbove,
        $"Rumen pH at or above {_clearAtOrAbove:0.0#} for {EvidenceText.Duration(episode.Duration)}; now {episode.Observed:0.00}.");
}
