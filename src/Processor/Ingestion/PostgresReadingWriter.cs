using CowHealth.Contracts;
using CowHealth.Storage;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CowHealth.Processor.Ingestion;

/// <summary>
/// Binary COPY, PostgreSQL's fastest way in. Most batches hold only new readings and are copied
/// straight into the table. A batch that holds a reading already stored (Kafka re-delivered it)
/// breaks the key: then the copy is undone to a savepoint and the batch goes through a staging
/// table and one insert that skips what is there, which costs the database about twice as much.
/// </summary>
public sealed class PostgresReadingWriter : ReadingWriter
{
    private const string Columns =
        "cow_id, measured_at, reading_id, farm_id, sensor_id, rumen_temperature_celsius, activity_index, " +
        "rumination_minutes, water_intake_litres, rumen_ph, stored_at";

    private const string Savepoint = "readings_copy";

    protected override object Bind(Guid value) => value;

    protected override async Task InsertReadings(CowHealthDb db, IReadOnlyList<SensorReading> readings, DateTime storedAt, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (db.Database.CurrentTransaction is { } transaction)
        {
            await transaction.CreateSavepointAsync(Savepoint, cancellationToken);
            try
            {
                await Copy(connection, "readings", readings, storedAt, cancellationToken);
                await transaction.ReleaseSavepointAsync(Savepoint, cancellationToken);
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                await transaction.RollbackToSavepointAsync(Savepoint, cancellationToken);
            }
        }

        await Execute(connection,
            "CREATE TEMP TABLE IF NOT EXISTS readings_incoming (LIKE readings INCLUDING DEFAULTS) ON COMMIT DELETE ROWS",
            cancellationToken);
        await Copy(connection, "readings_incoming", readings, storedAt, cancellationToken);
        // The staging rows go at commit (ON COMMIT DELETE ROWS), or with a rollback.
        await Execute(connection,
            $"INSERT INTO readings ({Columns}) SELECT {Columns} FROM readings_incoming ON CONFLICT (cow_id, measured_at) DO NOTHING",
            cancellationToken);
    }

    private static async Task Copy(
        NpgsqlConnection connection, string table, IReadOnlyList<SensorReading> readings, DateTime storedAt, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync($"COPY {table} ({Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var r in readings)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(r.CowId, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(r.MeasuredAt.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
            await copy.WriteAsync(r.ReadingId, NpgsqlDbType.Uuid, cancellationToken);
            await copy.WriteAsync(r.FarmId, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(r.SensorId, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(r.RumenTemperatureCelsius, NpgsqlDbType.Double, cancellationToken);
            await copy.WriteAsync(r.ActivityIndex, NpgsqlDbType.Double, cancellationToken);
            await copy.WriteAsync(r.RuminationMinutes, NpgsqlDbType.Double, cancellationToken);
            await WriteNullable(copy, r.WaterIntakeLitres, cancellationToken);
            await WriteNullable(copy, r.RumenPh, cancellationToken);
            await copy.WriteAsync(storedAt, NpgsqlDbType.TimestampTz, cancellationToken);
        }

        await copy.CompleteAsync(cancellationToken);
    }

    private static async Task WriteNullable(NpgsqlBinaryImporter copy, double? value, CancellationToken cancellationToken)
    {
        if (value is { } v)
        {
            await copy.WriteAsync(v, NpgsqlDbType.Double, cancellationToken);
        }
        else
        {
            await copy.WriteNullAsync(cancellationToken);
        }
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
