namespace CowHealth.Processor.Detection;

/// <summary>
/// Weights of exponentially weighted means on event time: a mean with time constant τ forgets at
/// the same pace whatever the reading interval, and after a gap the new reading counts for more.
/// </summary>
internal static class ExponentialWeights
{
    /// <summary>
    /// The longest step one reading may take in a rule's average (<paramref name="maxStepSeconds"/>):
    /// after a silence (an offline bolus, a sensor fault) the first reading speaks for a bounded
    /// stretch, not for the whole gap, so one reading of a sparse or noisy signal cannot stand for hours of it.
    /// </summary>
    public static double Step(double secondsSincePrevious, double maxStepSeconds) => Math.Min(secondsSincePrevious, maxStepSeconds);

    /// <summary>The weight of a new value <paramref name="secondsSincePrevious"/> after the last one; 1 after an infinite gap (a cow's first reading).</summary>
    public static double After(double secondsSincePrevious, double timeConstantSeconds) =>
        1.0 - Math.Exp(-secondsSincePrevious / timeConstantSeconds);

    /// <summary>
    /// <see cref="After"/>, but while the cow's history is shorter than the window, the weight of a
    /// plain time-weighted mean of all she has reported (<paramref name="now"/> seconds of it): a mean
    /// that started at her first reading would otherwise lean on that one reading for a whole window.
    /// </summary>
    public static double WarmStart(double secondsSincePrevious, int now, double timeConstantSeconds) =>
        double.IsPositiveInfinity(secondsSincePrevious)
            ? 1.0
            : Math.Max(After(secondsSincePrevious, timeConstantSeconds), secondsSincePrevious / (now + secondsSincePrevious));
}
