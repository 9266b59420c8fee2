namespace CowHealth.Storage;

/// <summary>
/// One stored sensor reading. The key is (cow, measured-at): a bolus sends one reading per cow per
/// interval, so a re-delivered reading hits the key and is not stored twice.
/// </summary>
public sealed class Reading
{
    public required string CowId { get; set; }

    /// <summary>Event time at the sensor, UTC.</summary>
    public DateTime MeasuredAt { get; set; }

    public Guid ReadingId { get; set; }

    public required string FarmId { get; set; }

    public required string SensorId { get; set; }

    public double RumenTemperatureCelsius { get; set; }

    public double ActivityIndex { get; set; }

    public double RuminationMinutes { get; set; }

    public double? WaterIntakeLitres { get; set; }

    public double? RumenPh { get; set; }

    /// <summary>Wall-clock time the Processor stored it; measured-at to stored-at is the pipeline's latency.</summary>
    public DateTime StoredAt { get; set; }
}
