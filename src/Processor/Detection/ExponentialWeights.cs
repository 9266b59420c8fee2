namespace CowHealth.Processor.Detection;

/// <summary>
/// Weights of exponentially weighted means on event time: a mean with time constant τ forgets at
/// the same pace whatever the reading interval, and after a gap the new reading counts for more.
/// </summary>
internal static class ExponentialWeights
{
    /// <summary>The weight of a new value <paramref name="secondsSincePrevious"/> after the last one; 1 after an infinite gap (a cow's first reading).</summary>
    public static double After(double secondsSincePrevious, double timeConstantSeconds) =>
        1.0 - Math.Exp(-secondsSincePrevious / timeConstantSeconds);

    /// <summary>
    /// <see cref="After"/>, but while the cow's history is shorter than the window, the weight of a
    /// plain time-weighted mean of all she has reported: a mean that started at her first reading
    /// would otherwise lean on that one reading for a whole window.
    /// </summary>
    public static double WarmStart(in CowSignals signals, double timeConstantSeconds)
    {
        var sincePrevious = signals.SecondsSincePrevious;
        return double.IsPositiveInfinity(sincePrevious)
            ? 1.0
            : Math.Max(After(sincePrevious, timeConstantSeconds), sincePrevious / (signals.Now + sincePrevious));
    }
}
