using CowHealth.Contracts;
using CowHealth.Storage;
using Microsoft.EntityFrameworkCore;

namespace CowHealth.Processor.Ingestion;

/// <summary>
/// Writes readings and keeps each cow's latest-reading copy current. Both statements are upserts
/// keyed so that a re-delivered reading changes nothing: Kafka delivers at least once.
/// The SQL is the subset PostgreSQL and SQLite share (<c>ON CONFLICT</c>, <c>excluded</c>).
/// </summary>
public sealed class ReadingStore(CowHealthDb db, TimeProvider clock)
{
    public async Task Store(IReadOnlyList<SensorReading> readings, CancellationToken cancellationToken)
    {
        var storedAt = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var r in readings)
        {
            var measuredAt = r.MeasuredAt.UtcDateTime;
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO readings (cow_id, measured_at, reading_id, farm_id, sensor_id, rumen_temperature_celsius,
                                      activity_index, rumination_minutes, water_intake_litres, rumen_ph, stored_at)
                VALUES ({r.CowId}, {measuredAt}, {r.ReadingId}, {r.FarmId}, {r.SensorId}, {r.RumenTemperatureCelsius},
                        {r.ActivityIndex}, {r.RuminationMinutes}, {r.WaterIntakeLitres}, {r.RumenPh}, {storedAt})
                ON CONFLICT (cow_id, measured_at) DO NOTHING
                """,
                cancellationToken);
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO cows (cow_id, farm_id, sensor_id, first_seen_at, latest_reading_id, latest_measured_at,
                                  latest_rumen_temperature_celsius, latest_activity_index, latest_rumination_minutes,
                                  latest_water_intake_litres, latest_rumen_ph)
                VALUES ({r.CowId}, {r.FarmId}, {r.SensorId}, {measuredAt}, {r.ReadingId}, {measuredAt},
                        {r.RumenTemperatureCelsius}, {r.ActivityIndex}, {r.RuminationMinutes}, {r.WaterIntakeLitres}, {r.RumenPh})
                ON CONFLICT (cow_id) DO UPDATE SET
                    farm_id = excluded.farm_id,
                    sensor_id = excluded.sensor_id,
                    latest_reading_id = excluded.latest_reading_id,
                    latest_measured_at = excluded.latest_measured_at,
                    latest_rumen_temperature_celsius = excluded.latest_rumen_temperature_celsius,
                    latest_activity_index = excluded.latest_activity_index,
                    latest_rumination_minutes = excluded.latest_rumination_minutes,
                    latest_water_intake_litres = excluded.latest_water_intake_litres,
                    latest_rumen_ph = excluded.latest_rumen_ph
                WHERE excluded.latest_measured_at > cows.latest_measured_at
                """,
                cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
