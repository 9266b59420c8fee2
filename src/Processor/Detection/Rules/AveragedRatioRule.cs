using CowHealth.Contracts;

namespace CowHealth.Processor.Detection.Rules;

/// <summary>
/// A rule that compares a cow's recent behaviour with her own normal for the same hours: both are
/// averaged over the same window (exponentially weighted, in event time) and their ratio is judged.
/// Averaging the normal alongside the behaviour keeps the daily rhythm out of the ratio.
/// </summary>
/// <param name="warmUp">History the rule needs beyond the cow's warm-up (a sparse signal needs more days to know her hours).</param>
internal abstract class AveragedRatioRule(HealthCondition condition, ConditionRuleSettings settings, TimeSpan averagedOver, TimeSpan warmUp = default)
    : DetectionRule(condition, settings)
{
    // Half an hour: behaviour is bursty, and after a silence one reading must not stand for the gap.
    private const double MaxStepSeconds = 1_800;

    private readonly int _warmUpSeconds = (int)warmUp.TotalSeconds;

    private readonly double _timeConstantSeconds = averagedOver.TotalSeconds;

    /// <summary>Blends the reading into the averages; returns them once the cow is warm and her normal is positive.</summary>
    protected bool TryAverage(ref ConditionTrack track, in CowSignals signals, double observed, double baseline,
        out double averageObserved, out double averageBaseline)
    {
        // Until an hour has a normal, the reading is its own normal: the ratio stays 1 during warm-up.
        var expected = double.IsNaN(baseline) ? observed : baseline;
        var weight = ExponentialWeights.WarmStart(ExponentialWeights.Step(signals.SecondsSincePrevious, MaxStepSeconds), signals.Now, _timeConstantSeconds);
        track.Average += (float)(weight * (observed - track.Average));
        track.AverageExpected += (float)(weight * (expected - track.AverageExpected));
        averageObserved = track.Average;
        averageBaseline = track.AverageExpected;
        return signals.Warm && signals.Now >= _warmUpSeconds && averageBaseline > 1e-6;
    }
}
