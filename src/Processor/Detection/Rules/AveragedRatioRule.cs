using CowHealth.Contracts;

namespace CowHealth.Processor.Detection.Rules;

/// <summary>
/// A rule that compares a cow's recent behaviour with her own normal for the same hours: both are
/// averaged over the same window (exponentially weighted, in event time) and their ratio is judged.
/// Averaging the normal alongside the behaviour keeps the daily rhythm out of the ratio.
/// </summary>
internal abstract class AveragedRatioRule(HealthCondition condition, ConditionRuleSettings settings, TimeSpan averagedOver)
    : DetectionRule(condition, settings)
{
    private readonly double _timeConstantSeconds = averagedOver.TotalSeconds;

    /// <summary>Blends the reading into the averages; returns them once the cow is warm and her normal is positive.</summary>
    protected bool TryAverage(ref ConditionTrack track, in CowSignals signals, double observed, double baseline,
        out double averageObserved, out double averageBaseline)
    {
        // Until an hour has a normal, the reading is its own normal: the ratio stays 1 during warm-up.
        var expected = double.IsNaN(baseline) ? observed : baseline;
        var weight = ExponentialWeights.WarmStart(signals, _timeConstantSeconds);
        track.Average += (float)(weight * (observed - track.Average));
        track.AverageExpected += (float)(weight * (expected - track.AverageExpected));
        averageObserved = track.Average;
        averageBaseline = track.AverageExpected;
        return signals.Warm && averageBaseline > 1e-6;
    }
}
