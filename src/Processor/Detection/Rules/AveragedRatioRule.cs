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
/// <param name="clearsOnItsOwnWindow">
/// Judge recovery on what she did since recovery began rather than on the long average: for sparse
/// signals (drinks), whose long average would hold the condition open long after she is back (see <see cref="Judge"/>).
/// </param>
internal abstract class AveragedRatioRule(
    HealthCondition condition, ConditionRuleSettings settings, TimeSpan averagedOver, double ratio, double clearRatio, bool rises,
    TimeSpan warmUp = default, bool clearsOnItsOwnWindow = false)
    : DetectionRule(condition, settings)
{
    // Half an hour: behaviour is bursty, and after a silence one reading must not stand for the gap.
    private const double MaxStepSeconds = 1_800;

    // While the condition is present, recovery is looked for in a short average: two hours hold a drink or two.
    private const double RecoveryTimeConstantSeconds = 7_200;

    private readonly double _timeConstantSeconds = averagedOver.TotalSeconds;
    private readonly int _warmUpSeconds = (int)warmUp.TotalSeconds;

    // A quarter of the clearing window must have passed before a relapse is judged on the recovery's own mean: a drink or two says little.
    private readonly int _recoveryJudgedAfterSeconds = (int)(settings.ClearAfter.TotalSeconds / 4);

    protected double Ratio { get; } = ratio;

    protected double ClearRatio { get; } = clearRatio;

    /// <summary>The reading's value of what the rule watches, and the cow's normal for it at this hour.</summary>
    protected abstract (double Observed, double Baseline) Measure(in CowSignals signals);

    /// <summary>A detail code for the evidence (e.g. which measure stood in).</summary>
    protected virtual byte DetailOf(in CowSignals signals) => 0;

    /// <summary>
    /// Judges the reading on the long average. A rule that <c>clearsOnItsOwnWindow</c> judges a present
    /// condition differently: first a short average watches for her recovery to begin; from the
    /// reading it does (the clearing starts), the averages restart as plain means of what she did since,
    /// which is a window as long as the clearing itself: it clears once that mean, over the whole
    /// <see cref="ConditionRuleSettings.ClearAfter"/>, is back on the clear side, and only a relapse beyond the
    /// detection threshold ends the clearing early. So the condition clears about
    /// <see cref="ConditionRuleSettings.ClearAfter"/> after she is back, however long the detection window.
    /// </summary>
    public sealed override Verdict Judge(ref ConditionTrack track, in CowSignals signals)
    {
        var (observed, baseline) = Measure(signals);
        // Until an hour has a normal, the reading is its own normal: the ratio stays 1 during warm-up.
        var expected = double.IsNaN(baseline) ? observed : baseline;
        var step = ExponentialWeights.Step(signals.SecondsSincePrevious, MaxStepSeconds);
        if (clearsOnItsOwnWindow && track.Active && signals.Warm)
        {
            return JudgeRecovery(ref track, signals, observed, expected, step);
        }

        var weight = ExponentialWeights.WarmStart(step, signals.Now, _timeConstantSeconds);
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

    private Verdict JudgeRecovery(ref ConditionTrack track, in CowSignals signals, double observed, double expected, double step)
    {
        if (!track.Clearing)
        {
            var weight = ExponentialWeights.After(step, RecoveryTimeConstantSeconds);
            track.Average += (float)(weight * (observed - track.Average));
            track.AverageExpected += (float)(weight * (expected - track.AverageExpected));
            if (!Recovered(track.Average, track.AverageExpected))
            {
                return Verdict.Of(Beyond(track.Average, track.AverageExpected), false, track.Average, track.AverageExpected, DetailOf(signals));
            }

            // Her recovery begins here: from now on the averages are plain means of what she does since.
            track.Average = (float)observed;
            track.AverageExpected = (float)expected;
            return Verdict.Of(false, true, observed, expected, DetailOf(signals));
        }

        var since = signals.Now - track.ClearSince;
        var share = since <= 0 ? 1.0 : step / (since + step);
        track.Average += (float)(share * (observed - track.Average));
        track.AverageExpected += (float)(share * (expected - track.AverageExpected));
        double average = track.Average, normal = track.AverageExpected;
        if (since >= ClearAfterSeconds)
        {
            // The whole clearing window is in: cleared if she did her usual over it, else the short average looks for the next start.
            return Verdict.Of(false, Recovered(average, normal), average, normal, DetailOf(signals));
        }

        // Within the window only a relapse (back beyond the detection threshold, once a quarter of it is in) ends the clearing.
        var relapsed = since >= _recoveryJudgedAfterSeconds && Beyond(average, normal);
        return Verdict.Of(relapsed, !relapsed, average, normal, DetailOf(signals));
    }

    private bool Recovered(double average, double normal) =>
        normal > 1e-6 && (rises ? average < ClearRatio * normal : average > ClearRatio * normal);

    private bool Beyond(double average, double normal) => rises ? average >= Ratio * normal : average <= Ratio * normal;

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
