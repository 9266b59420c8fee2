namespace CowHealth.Gateway.Readings;

/// <summary>One measure over a bucket of readings.</summary>
public sealed record MeasureRange(double Min, double Mean, double Max)
{
    /// <summary>Null when no reading in the bucket had the measure (no pH bolus, no litres estimate).</summary>
    public static MeasureRange? Of(double? min, double? mean, double? max) =>
        min is { } low && mean is { } average && max is { } high ? new MeasureRange(low, average, high) : null;
}
