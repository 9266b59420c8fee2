using System.Buffers;
using CowHealth.Contracts;
using CowHealth.Storage;
using Microsoft.Extensions.Options;

namespace CowHealth.Processor.Ingestion;

/// <summary>
/// Rejects readings that no bolus could have sent: impossible values, ids that are not ids, times
/// in the future. Readings that are possible but implausible (a stuck or failing sensor) pass: the
/// SensorFault rule raises an alert for them, which is what a farmer needs to hear about.
/// </summary>
public sealed class ReadingValidator(IOptions<ReadingValidationOptions> options, TimeProvider clock)
{
    private static readonly SearchValues<char> IdCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:");

    private static readonly DateTimeOffset EarliestPlausible = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Null when the reading is acceptable; otherwise why not, and the reason's bounded category for metrics.</summary>
    public Rejection? Check(SensorReading reading)
    {
        if (reading.ReadingId == Guid.Empty)
        {
            return new("missing_field", "readingId is empty.");
        }

        if (BadId(reading.CowId) is { } cow)
        {
            return new("bad_id", $"cowId {cow}");
        }

        if (BadId(reading.FarmId) is { } farm)
        {
            return new("bad_id", $"farmId {farm}");
        }

        if (BadId(reading.SensorId) is { } sensor)
        {
            return new("bad_id", $"sensorId {sensor}");
        }

        var latest = clock.GetUtcNow() + options.Value.MaxClockSkew;
        if (reading.MeasuredAt > latest)
        {
            return new("future_time", $"measuredAt {reading.MeasuredAt:O} is more than {options.Value.MaxClockSkew} ahead of the Processor's clock.");
        }

        if (reading.MeasuredAt < EarliestPlausible)
        {
            return new("past_time", $"measuredAt {reading.MeasuredAt:O} is before {EarliestPlausible:yyyy}.");
        }

        return OutOfRange(nameof(reading.RumenTemperatureCelsius), reading.RumenTemperatureCelsius, 0, 60)
            ?? OutOfRange(nameof(reading.ActivityIndex), reading.ActivityIndex, 0, 1_000)
            ?? OutOfRange(nameof(reading.RuminationMinutes), reading.RuminationMinutes, 0, 60)
            ?? OutOfRange(nameof(reading.WaterIntakeLitres), reading.WaterIntakeLitres, 0, 500)
            ?? OutOfRange(nameof(reading.RumenPh), reading.RumenPh, 0, 14);
    }

    private static string? BadId(string id) =>
        string.IsNullOrEmpty(id) ? "is empty."
        : id.Length > StorageLimits.IdLength ? $"is longer than {StorageLimits.IdLength} characters."
        : id.AsSpan().ContainsAnyExcept(IdCharacters) ? $"'{id}' has characters other than letters, digits and -_.:"
        : null;

    private static Rejection? OutOfRange(string field, double? value, double min, double max) =>
        value is not { } v ? null
        : !double.IsFinite(v) ? new("impossible_value", $"{Camel(field)} is not a number.")
        : v < min || v > max ? new("impossible_value", $"{Camel(field)} {v} is outside the physically possible {min}–{max}.")
        : null;

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}

/// <summary>Why a reading was rejected: a bounded category (a metric label) and the detail for the dead-letter record.</summary>
public sealed record Rejection(string Category, string Detail);
