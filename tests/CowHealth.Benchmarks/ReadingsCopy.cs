using CowHealth.Contracts;
using Npgsql;
using NpgsqlTypes;

namespace CowHealth.Benchmarks;

/// <summary>Readings into the readings table by binary COPY, the way the benchmarks fill PostgreSQL.</summary>
internal static class ReadingsCopy
{
    public const string Command =
        "COPY readings (cow_id, measured_at, reading_id, farm_id, sensor_id, rumen_temperature_celsius, activity_index, " +
        "rumination_minutes, water_intake_litres, rumen_ph, stored_at) FROM STDIN (FORMAT BINARY)";

    public static async Task WriteRow(NpgsqlBinaryImporter copy, SensorReading r, DateTime storedAt)
    {
        await copy.StartRowAsync();
        await copy.WriteAsync(r.CowId, NpgsqlDbType.Varchar);
        await copy.WriteAsync(r.MeasuredAt.UtcDateTime, NpgsqlDbType.TimestampTz);
        await copy.WriteAsync(r.ReadingId, NpgsqlDbType.Uuid);
        await copy.WriteAsync(r.FarmId, NpgsqlDbType.Varchar);
        await copy.WriteAsync(r.SensorId, NpgsqlDbType.Varchar);
        await copy.WriteAsync(r.RumenTemperatureCelsius, NpgsqlDbType.Double);
        await copy.WriteAsync(r.ActivityIndex, NpgsqlDbType.Double);
        await copy.WriteAsync(r.RuminationMinutes, NpgsqlDbType.Double);
        await copy.WriteAsync(r.WaterIntakeLitres, NpgsqlDbType.Double);
        await copy.WriteAsync(r.RumenPh, NpgsqlDbType.Double);
        await copy.WriteAsync(storedAt, NpgsqlDbType.TimestampTz);
    }
}
