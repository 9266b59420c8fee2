using CowHealth.Contracts;

namespace CowHealth.Processor.Detection.Rules;

/// <summary>
/// Low activity: activity averaged over <see cref="LowActivitySettings.AveragedOver"/> falls to
/// <see cref="LowActivitySettings.ActivityRatio"/> of her own activity for the same hours. Lameness,
/// ketosis, metritis and a cow going down with milk fever all make her move less.
/// </summary>
internal sealed class LowActivityRule(LowActivitySettings settings)
    : AveragedRatioRule(HealthCondition.LowActivity, settings, settings.AveragedOver)
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

        return Verdict.Of(activity <= _ratio * normal, activity > _clearRatio * normal, activity, normal);
    }

    public override AlertSeverity SeverityOf(double meanObserved, double meanBaseline) => AlertSeverity.Warning;

    public override AlertEvidence DetectedEvidence(in Episode episode) => Evidence(Measure, episode, episode.Baseline * _ratio,
        $"Activity at {EvidenceText.Percent(episode.Observed / episode.Baseline)} of her normal for these hours, " +
        $"for {EvidenceText.Duration(episode.Duration)}.");

    public override AlertEvidence ClearedEvidence(in Episode episode) => Evidence(Measure, episode, episode.Baseline * _clearRatio,
        $"Activity above {EvidenceText.Percent(_clearRatio)} of her normal for {EvidenceText.Duration(episode.Duration)}.");
}
