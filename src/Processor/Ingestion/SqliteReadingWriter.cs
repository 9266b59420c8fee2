using System.Text;
using CowHealth.Contracts;
using CowHealth.Storage;
using Microsoft.EntityFrameworkCore;

namespace CowHealth.Processor.Ingestion;

/// <summary>Multi-row inserts that skip readings already stored: SQLite has no COPY, and one statement per row would be far slower.</summary>
public sealed class SqliteReadingWriter : ReadingWriter
{
    // 11 parameters a row; SQLite allows 32,766 parameters a statement.
    private const int RowsPerStatement = 500;

    // EF Core's SQLite provider keeps a Guid as upper-case text.
    protected override object Bind(Guid value) => value.ToString().ToUpperInvariant();

    protected override async Task InsertReadings(CowHealthDb db, IReadOnlyList<SensorReading> readings, DateTime storedAt, CancellationToken cancellationToken)
    {
        for (var start = 0; start < readings.Count; start += RowsPerStatement)
        {
            var chunk = readings.Skip(start).Take(RowsPerStatement).ToList();
            await using var command = RawSql.Command(db);
            var sql = new StringBuilder(
                "INSERT INTO readings (cow_id, measured_at, reading_id, farm_id, sensor_id, rumen_temperature_celsius, " +
                "activity_index, rumination_minutes, water_intake_litres, rumen_ph, stored_at) VALUES ");
            for (var i = 0; i < chunk.Count; i++)
            {
                var r = chunk[i];
                sql.Append(i == 0 ? "(" : ",(");
                sql.Append(RawSql.Parameter(command, r.CowId)).Append(',')
                    .Append(RawSql.Parameter(command, r.MeasuredAt.UtcDateTime)).Append(',')
                    .Append(RawSql.Parameter(command, Bind(r.ReadingId))).Append(',')
                    .Append(RawSql.Parameter(command, r.FarmId)).Append(',')
                    .Append(RawSql.Parameter(command, r.SensorId)).Append(',')
                    .Append(RawSql.Parameter(command, r.RumenTemperatureCelsius)).Append(',')
                    .Append(RawSql.Parameter(command, r.ActivityIndex)).Append(',')
                    .Append(RawSql.Parameter(command, r.RuminationMinutes)).Append(',')
                    .Append(RawSql.Parameter(command, r.WaterIntakeLitres)).Append(',')
                    .Append(RawSql.Parameter(command, r.RumenPh)).Append(',')
                    .Append(RawSql.Parameter(command, storedAt)).Append(')');
            }

            sql.Append(" ON CONFLICT (cow_id, measured_at) DO NOTHING");
            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
