using CowHealth.Contracts;

namespace CowHealth.Processor.Detection.Rules;

/// <summary>
/// A rule that compares a cow's recent behaviour with her own normal for the same hours: both are
/// averaged over the same window (exponentially weighted, in event time) and their ratio is judged
/// against <paramref name="ratio"/> (a rise when <paramref name="rises"/>, else a shortfall), with
/// <paramref name="clearRatio"/> on the other side of it. Averaging the normal alongside the
/// behaviour keeps the daily rhythm out of the ratio.
/// </summary>
/// <param name="warmUp">History the rule needs beyond the cow's warm-up (a sparse signal needs more days to know her hours).</param>
internal abstract class AveragedRatioRule(
    HealthCondition condition, ConditionRuleSettings settings, TimeSpan averagedOver, double ratio, double clearRatio, bool rises,
    TimeSpan warmUp = default)
    : DetectionRule(condition, settings)
{
    // Half an hour: behaviour is bursty, and after a silence one reading must not stand for the gap.
    private const double MaxStepSeconds = 1_800;

    private readonly double _timeConstantSeconds = averagedOver.TotalSeconds;
    private readonly int _warmUpSeconds = (int)warmUp.TotalSeconds;

    protected double Ratio { get; } = ratio;

    protected double ClearRatio { get; } = clearRatio;

    /// <summary>The reading's value of what the rule watches, and the cow's normal for it at this hour.</summary>
    protected abstract (double Observed, double Baseline) Measure(in CowSignals signals);

    /// <summary>A detail code for the evidence (e.g. which measure stood in).</summary>
    protected virtual byte DetailOf(in CowSignals signals) => 0;

    public sealed override Verdict Judge(ref ConditionTrack track, in CowSignals signals)
    {
        var (observed, baseline) = Measure(signals);
        // Until an hour has a normal, the reading is its own normal: the ratio stays 1 during warm-up.
        var expected = double.IsNaN(baseline) ? observed : baseline;
        var weight = ExponentialWeights.WarmStart(ExponentialWeights.Step(signals.SecondsSincePrevious, MaxStepSeconds), signals.Now, _timeConstantSeconds);
        track.Average += (float)(weight * (observed - track.Average));
        track.AverageExpected += (float)(weight * (expected - track.AverageExpected));
        double average = track.Average, normal = track.AverageExpected;
        if (!signals.Warm || signals.Now < _warmUpSeconds || !(normal > 1e-6))
        {
            return Verdict.Unknown;
        }

        return rises
            ? Verdict.Of(average >= Ratio * normal, average < ClearRatio * normal, average, normal, DetailOf(signals))
            : Verdict.Of(average <= Ratio * normal, average > ClearRatio * normal, average, normal, DetailOf(signals));
    }

    /// <summary>
    /// Whether the condition is present, or her averages (as <see cref="Judge"/> last left them in
    /// <paramref name="track"/>) already stand beyond the clearing ratio: she is clearly off her usual,
    /// whether or not it has lasted long enough to be detected.
    /// </summary>
    public bool BeyondClearing(in ConditionTrack track, bool warm, int now)
    {
        if (track.Active)
        {
            return true;
        }

        if (!warm || now < _warmUpSeconds || !(track.AverageExpected > 1e-6))
        {
            return false;
        }

        return rises ? track.Average >= ClearRatio * track.AverageExpected : track.Average <= ClearRatio * track.AverageExpected;
    }

    public override AlertSeverity SeverityOf(double meanObserved, double meanBaseline) => AlertSeverity.Warning;

    /// <summary>A shortfall's evidence: <paramref name="what"/> at a share of her normal for these hours.</summary>
    protected AlertEvidence ShortfallEvidence(string measure, string what, in Episode episode, string advice = "") =>
        Evidence(measure, episode, episode.Baseline * Ratio,
            $"{what} at {EvidenceText.Percent(episode.Observed / episode.Baseline)} of her usual for these hours, " +
            $"for {EvidenceText.Duration(episode.Duration)}{advice}.");

    /// <summary>A shortfall's end: <paramref name="what"/> back above the clearing share for the clearing window.</summary>
    protected AlertEvidence RecoveryEvidence(string measure, string what, in Episode episode) =>
        Evidence(measure, episode, episode.Baseline * ClearRatio,
            $"{what} above {EvidenceText.Percent(ClearRatio)} of her usual for {EvidenceText.Duration(episode.Duration)}.");
}
