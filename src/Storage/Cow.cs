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

    /// <summary>
    /// The <c>cow-health-data</c> partition her readings arrive on (they are keyed by cow). The
    /// Processor's silence watch keeps one event clock per partition and, after a restart, finds the
    /// partition's cows by it. Null for a cow stored without Kafka (e.g. seeded by a test).
    /// </summary>
    public int? ReadingsPartition { get; set; }

    public Guid LatestReadingId { get; set; }

    public DateTime LatestMeasuredAt { get; set; }

    public double LatestRumenTemperatureCelsius { get; set; }

    public double LatestActivityIndex { get; set; }

    public double LatestRuminationMinutes { get; set; }

    public double? LatestWaterIntakeLitres { get; set; }

    public double? LatestRumenPh { get; set; }
}
