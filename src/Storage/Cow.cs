namespace CowHealth.Storage;

/// <summary>
/// A cow the pipeline has heard from, with a copy of her latest reading. The copy is kept on the
/// row so that listing a herd never has to search the readings table for each cow's newest row.
/// </summary>
public sealed class Cow
{
    public required string CowId { get; set; }

    public required string FarmId { get; set; }

    public required string SensorId { get; set; }

    /// <summary>Event time of the first reading stored for this cow.</summary>
    public DateTime FirstSeenAt { get; set; }

    public Guid LatestReadingId { get; set; }

    public DateTime LatestMeasuredAt { get; set; }

    public double LatestRumenTemperatureCelsius { get; set; }

    public double LatestActivityIndex { get; set; }

    public double LatestRuminationMinutes { get; set; }

    public double? LatestWaterIntakeLitres { get; set; }

    public double? LatestRumenPh { get; set; }
}
