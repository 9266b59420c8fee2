namespace CowHealth.Contracts;

/// <summary>
/// One reading of a rumen bolus. Commercial boluses report every 10 minutes at 0.01 °C resolution.
/// </summary>
/// <param name="ReadingId">Unique per reading; the bolus assigns it, so a re-sent reading keeps it.</param>
/// <param name="MeasuredAt">Event time (UTC) at the sensor. All detection runs on this, never on arrival time.</param>
/// <param name="RumenTemperatureCelsius">Reticulo-rumen temperature; about 39 °C in a healthy cow, minus drinking dips.</param>
/// <param name="ActivityIndex">Dimensionless activity over the interval; 1.0 is a resting cow's typical level.</param>
/// <param name="RuminationMinutes">Minutes spent ruminating within the interval.</param>
/// <param name="WaterIntakeLitres">Water drunk in the interval; null when the bolus does not estimate it.</param>
/// <param name="RumenPh">Rumen pH; null unless the cow carries a pH bolus.</param>
public sealed record SensorReading(
    Guid ReadingId,
    string CowId,
    string FarmId,
    string SensorId,
    DateTimeOffset MeasuredAt,
    double RumenTemperatureCelsius,
    double ActivityIndex,
    double RuminationMinutes,
    double? WaterIntakeLitres,
    double? RumenPh) : ICowMessage
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    Guid ICowMessage.CorrelationId => ReadingId;
}
