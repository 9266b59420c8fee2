using System.Text.Json;
using Confluent.Kafka;
using CowHealth.Contracts;
using CowHealth.EmbeddedKafka;
using CowHealth.Tests.Detection;
using CowHealth.Tests.Infrastructure;
using Npgsql;

namespace CowHealth.Tests.Processor;

/// <summary>
/// No loss and no duplicates across crashes: the same readings processed once without
/// interruption and once by a Processor killed (SIGKILL) again and again mid-stream end in the
/// same readings, the same alerts and the same alert events.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CrashRecovery_Specs(ThrowawayPostgres postgres)
{
    [Fact]
    public async Task A_processor_killed_repeatedly_while_ingesting_ends_where_an_uninterrupted_one_does()
    {
        var readings = Herd();

        var calm = await Run(readings, crashes: 0, seed: 1);
        var crashed = await Run(readings, crashes: 6, seed: 2);

        Assert.Equal(readings.Count, calm.Readings);
        Assert.True(calm.Alerts.Count(a => a.Contains(" Fever ")) >= 4, $"the herd's fevers raised alerts ({calm.Alerts.Count})");
        Assert.Equal(3, calm.Alerts.Count(a => a.Contains($" {HealthCondition.SensorOffline} ")));
        Assert.Equal(calm.Readings, crashed.Readings);
        Assert.Equal(calm.Alerts, crashed.Alerts);
        Assert.Equal(calm.Events, crashed.Events);
    }

    /// <summary>
    /// Thirty cows over four and a half days, in time order as a base station forwards them; every
    /// third runs a fever on the fourth day that clears, and three boluses fall silent for five hours.
    /// </summary>
    private static List<SensorReading> Herd()
    {
        var readings = new List<SensorReading>();
        for (var n = 0; n < 30; n++)
        {
            var cow = new CowTimeline(cowId: $"F01-C{n:D4}", seed: n + 1);
            readings.AddRange(cow.Healthy(TimeSpan.FromDays(3)));
            readings.AddRange(n % 3 == 0
                ? cow.Next(TimeSpan.FromHours(8), new Signature { TemperatureOffsetCelsius = 1.8 })
                : cow.Healthy(TimeSpan.FromHours(8)));
            var rest = cow.Healthy(TimeSpan.FromHours(28));
            readings.AddRange(n % 10 == 4 ? rest.Where(r => r.MeasuredAt - rest[0].MeasuredAt is var t && (t < TimeSpan.FromHours(2) || t > TimeSpan.FromHours(7))) : rest);
        }

        return readings.OrderBy(r => r.MeasuredAt).ThenBy(r => r.CowId, StringComparer.Ordinal).ToList();
    }

    private async Task<Outcome> Run(List<SensorReading> readings, int crashes, int seed)
    {
        var database = await postgres.CreateDatabaseAsync($"crash_{crashes}");
        await using var broker = await EmbeddedKafkaBroker.StartAsync(new EmbeddedKafkaOptions { GroupInitialRebalanceDelay = TimeSpan.Zero });
        // The readings arrive the way boluses send them, a slice at a time, while the Processor runs
        // and dies, so every crash comes with readings still to come, however fast this machine
        // ingests; a random lifetime of 1.5 to 3.5 s (start-up included) puts it anywhere from
        // start-up to mid-batch, mid-transaction or mid-publish.
        var random = new Random(seed);
        var slices = readings.Chunk((readings.Count / (crashes + 1)) + 1).ToList();
        for (var crash = 0; crash < crashes; crash++)
        {
            using var processor = ProcessorProcess.Start(broker.BootstrapServers, database);
            ReadingsOnKafka.Produce(broker.BootstrapServers, slices[crash]);
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(1_500, 3_500)));
            Assert.False(processor.HasExited, "the Processor was still running when killed");
            processor.Kill();
        }

        foreach (var rest in slices.Skip(crashes))
        {
            ReadingsOnKafka.Produce(broker.BootstrapServers, rest);
        }

        using (ProcessorProcess.Start(broker.BootstrapServers, database))
        {
            await Eventually.Until(async () => await Finished(database, readings.Count) ? "done" : null,
                TimeSpan.FromMinutes(3), "every reading stored and every alert event published");
        }

        return await Outcome.Read(database);
    }

    private static async Task<bool> Finished(string database, int readings)
    {
        try
        {
            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT (SELECT count(*) FROM readings), (SELECT count(*) FROM alert_events WHERE published_at IS NULL), " +
                "(SELECT max(latest_measured_at) FROM cows)", connection);
            await using var row = await command.ExecuteReaderAsync();
            await row.ReadAsync();
            return row.GetInt64(0) == readings && row.GetInt64(1) == 0;
        }
        catch (PostgresException)
        {
            return false; // the schema is not there yet
        }
    }

    /// <summary>What a run leaves in the database, without wall-clock columns.</summary>
    private sealed record Outcome(long Readings, List<string> Alerts, List<string> Events)
    {
        public static async Task<Outcome> Read(string database)
        {
            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync();
            return new Outcome(
                (long)(await Scalar(connection, "SELECT count(DISTINCT (cow_id, measured_at, reading_id)) FROM readings"))!,
                await Rows(connection,
                    "SELECT alert_id || ' ' || cow_id || ' ' || condition || ' ' || severity || ' ' || status || ' ' || raised_at || ' ' || " +
                    "coalesce(escalated_at::text, '-') || ' ' || coalesce(resolved_at::text, '-') || ' ' || reopen_count FROM alerts ORDER BY alert_id"),
                await Rows(connection,
                    "SELECT event_id || ' ' || alert_id || ' ' || event_type || ' ' || occurred_at || ' ' || payload_json FROM alert_events ORDER BY event_id"));
        }

        private static async Task<object?> Scalar(NpgsqlConnection connection, string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            return await command.ExecuteScalarAsync();
        }

        private static async Task<List<string>> Rows(NpgsqlConnection connection, string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                rows.Add(reader.GetString(0));
            }

            return rows;
        }
    }
}
