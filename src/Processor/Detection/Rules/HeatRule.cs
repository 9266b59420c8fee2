using CowHealth.Contracts;

namespace CowHealth.Processor.Detection.Rules;

/// <summary>
/// Heat (oestrus): activity averaged over <see cref="HeatSettings.AveragedOver"/> reaches
/// <see cref="HeatSettings.ActivityRatio"/> times her own activity for the same hours. Cows in
/// oestrus walk and mount two to four times as much as usual for about 8–18 hours; their temperature
/// rises only a few tenths, too little and too inconsistently to require, so it is reported, not demanded.
/// </summary>
internal sealed class HeatRule(HeatSettings settings) : AveragedRatioRule(HealthCondition.Heat, settings, settings.AveragedOver)
{
    private const string Measure = nameof(SensorReading.ActivityIndex);
    private readonly double _ratio = settings.ActivityRatio;
    private readonly double _clearRatio = settings.ClearActivityRatio;

    public override Verdict Judge(ref ConditionTrack track, in CowSignals signals)
    {
        if (!TryAverage(ref track, signals, signals.Activity, signals.ActivityBaseline, out var activity, out var normal))
        {
            return Verdict.Unknown;
        }

        return Verdict.Of(activity >= _ratio * normal, activity < _clearRatio * normal, activity, normal);
    }

    public override AlertSeverity SeverityOf(double meanObserved, double meanBaseline) => AlertSeverity.Info;

    public override AlertEvidence DetectedEvidence(in Episode episode) => Evidence(Measure, episode, episode.Baseline * _ratio,
        $"Activity {episode.Observed / episode.Baseline:0.0} times her normal for these hours, for {EvidenceText.Duration(episode.Duration)}: " +
        "she is likely in heat; plan insemination about 12 hours after onset.");

    public override AlertEvidence ClearedEvidence(in Episode episode) => Evidence(Measure, episode, episode.Baseline * _clearRatio,
        $"Activity back below {_clearRatio:0.0#} times her normal for {EvidenceText.Duration(episode.Duration)}.");
}
