using System.Text;
using CowHealth.Contracts;
using CowHealth.Storage;
using Microsoft.EntityFrameworkCore;

namespace CowHealth.Processor.Ingestion;

/// <summary>
/// Writes a batch of readings in bulk inside the caller's transaction and keeps each cow's
/// latest-reading copy current. A reading already stored (same cow, same measured-at) is skipped
/// and an older reading never replaces a newer latest, so a re-delivered batch changes nothing.
/// Each provider brings its fastest bulk insert; the latest-reading upsert is SQL both share.
/// </summary>
public abstract class ReadingWriter
{
    /// <param name="readingsPartition">The Kafka partition the readings came on, kept on each cow's row.</param>
    public async Task Write(
        CowHealthDb db, IReadOnlyList<SensorReading> readings, DateTime storedAt, int? readingsPartition, CancellationToken cancellationToken)
    {
        if (readings.Count == 0)
        {
            return;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        await InsertReadings(db, readings, storedAt, cancellationToken);
        await UpsertLatest(db, readings, readingsPartition, cancellationToken);
    }

    protected abstract Task InsertReadings(CowHealthDb db, IReadOnlyList<SensorReading> readings, DateTime storedAt, CancellationToken cancellationToken);

    /// <summary>How this provider binds a Guid the way EF Core stores it.</summary>
    protected abstract object Bind(Guid value);

    private async Task UpsertLatest(CowHealthDb db, IReadOnlyList<SensorReading> readings, int? readingsPartition, CancellationToken cancellationToken)
    {
        var latest = readings.GroupBy(r => r.CowId)
            .Select(g => (Latest: g.MaxBy(r => r.MeasuredAt)!, FirstSeenAt: g.Min(r => r.MeasuredAt).UtcDateTime))
            .ToList();
        const int rowsPerStatement = 1_000; // 12 parameters a row stays well inside both providers' limits
        for (var start = 0; start < latest.Count; start += rowsPerStatement)
        {
            await using var command = RawSql.Command(db);
            var sql = new StringBuilder(
                "INSERT INTO cows (cow_id, farm_id, sensor_id, first_seen_at, readings_partition, latest_reading_id, latest_measured_at, " +
                "latest_rumen_temperature_celsius, latest_activity_index, latest_rumination_minutes, latest_water_intake_litres, latest_rumen_ph) VALUES ");
            foreach (var ((r, firstSeenAt), i) in latest.Skip(start).Take(rowsPerStatement).Select((cow, i) => (cow, i)))
            {
                sql.Append(i == 0 ? "(" : ",(")
                    .AppendJoin(',',
                        RawSql.Parameter(command, r.CowId), RawSql.Parameter(command, r.FarmId), RawSql.Parameter(command, r.SensorId),
                        RawSql.Parameter(command, firstSeenAt), RawSql.Parameter(command, readingsPartition), RawSql.Parameter(command, Bind(r.ReadingId)), RawSql.Parameter(command, r.MeasuredAt.UtcDateTime),
                        RawSql.Parameter(command, r.RumenTemperatureCelsius), RawSql.Parameter(command, r.ActivityIndex), RawSql.Parameter(command, r.RuminationMinutes),
                        RawSql.Parameter(command, r.WaterIntakeLitres), RawSql.Parameter(command, r.RumenPh))
                    .Append(')');
            }

            sql.Append("""
                 ON CONFLICT (cow_id) DO UPDATE SET
                    farm_id = excluded.farm_id,
                    sensor_id = excluded.sensor_id,
                    readings_partition = COALESCE(excluded.readings_partition, cows.readings_partition),
                    latest_reading_id = excluded.latest_reading_id,
                    latest_measured_at = excluded.latest_measured_at,
                    latest_rumen_temperature_celsius = excluded.latest_rumen_temperature_celsius,
                    latest_activity_index = excluded.latest_activity_index,
                    latest_rumination_minutes = excluded.latest_rumination_minutes,
                    latest_water_intake_litres = excluded.latest_water_intake_litres,
                    latest_rumen_ph = excluded.latest_rumen_ph
                WHERE excluded.latest_measured_at > cows.latest_measured_at
                """);
            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
