using System.Text;
using Confluent.Kafka;
using CowHealth.Contracts;
using CowHealth.KafkaRider;
using CowHealth.Tests.Gateway;
using CowHealth.Tests.Infrastructure;
using Npgsql;

namespace CowHealth.Tests.Processor;

/// <summary>
/// What a run of the Processor leaves behind, without wall-clock columns: the database's readings,
/// alerts and alert events, the alert events on <c>cow-health-alerts</c> (by event id, each cow's in
/// the order she got them, a re-published duplicate counted once) and what reached any dead-letter topic.
/// </summary>
public sealed record PipelineOutcome(
    long Readings, List<string> Alerts, List<string> Events, Dictionary<string, List<string>> PublishedByCow, int PublishedDuplicates, long DeadLettered)
{
    /// <summary>Waits until every one of <paramref name="readings"/> is stored and every alert event published, then reads the outcome.</summary>
    public static async Task<PipelineOutcome> WhenSettled(string database, string bootstrapServers, int readings)
    {
        await Eventually.Until(async () => await Settled(database, readings) ? "done" : null,
            TimeSpan.FromMinutes(3), "every reading stored and every alert event published");
        return await Read(database, bootstrapServers);
    }

    /// <summary>The same as <paramref name="other"/> in every respect the failure specs promise, with nothing dead-lettered.</summary>
    public void AssertSameAs(PipelineOutcome other)
    {
        AssertSameStoredAndPublishedAs(other);
        Assert.Equal(0, DeadLettered);
    }

    /// <summary>The same readings, alerts and alert events as <paramref name="other"/>, in the database and on the topic.</summary>
    public void AssertSameStoredAndPublishedAs(PipelineOutcome other)
    {
        Assert.Equal(other.Readings, Readings);
        Assert.Equal(other.Alerts, Alerts);
        Assert.Equal(other.Events, Events);
        Assert.Equal(other.PublishedByCow.Keys.Order(), PublishedByCow.Keys.Order());
        foreach (var (cow, events) in other.PublishedByCow)
        {
            Assert.Equal(events, PublishedByCow[cow]);
        }
    }

    /// <summary>How many readings the database holds; 0 while its schema is not there yet or the server is away.</summary>
    public static async Task<long> ReadingsStored(string database)
    {
        try
        {
            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT count(*) FROM readings", connection);
            return (long)(await count.ExecuteScalarAsync())!;
        }
        catch (Exception ex) when (ex is PostgresException or NpgsqlException)
        {
            return 0;
        }
    }

    /// <summary>Produces the readings and waits until the database holds them on top of what it held before.</summary>
    public static async Task ProduceAndWaitUntilStored(string bootstrapServers, string database, IReadOnlyCollection<SensorReading> readings)
    {
        var expected = readings.Count + await ReadingsStored(database);
        ReadingsOnKafka.Produce(bootstrapServers, readings);
        await Eventually.Until(async () => await ReadingsStored(database) >= expected ? "stored" : null, TimeSpan.FromMinutes(2), "the readings stored");
    }

    public static async Task<bool> Settled(string database, int readings)
    {
        try
        {
            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT (SELECT count(*) FROM readings), (SELECT count(*) FROM alert_events WHERE published_at IS NULL)", connection);
            await using var row = await command.ExecuteReaderAsync();
            await row.ReadAsync();
            return row.GetInt64(0) == readings && row.GetInt64(1) == 0;
        }
        catch (Exception ex) when (ex is PostgresException or NpgsqlException)
        {
            return false; // the schema is not there yet, or the server is away
        }
    }

    public static async Task<PipelineOutcome> Read(string database, string bootstrapServers)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        var published = TopicRecords.All(bootstrapServers, Topics.Alerts);
        var byCow = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = 0;
        foreach (var record in published)
        {
            var eventId = Encoding.UTF8.GetString(record.Message.Headers.GetLastBytes(MessageHeaders.MessageId));
            if (!seen.Add(eventId))
            {
                duplicates++;
                continue;
            }

            (byCow.TryGetValue(record.Message.Key, out var events) ? events : byCow[record.Message.Key] = []).Add(eventId);
        }

        return new PipelineOutcome(
            (long)(await Scalar(connection, "SELECT count(DISTINCT (cow_id, measured_at, reading_id)) FROM readings"))!,
            await Rows(connection,
                "SELECT alert_id || ' ' || cow_id || ' ' || condition || ' ' || severity || ' ' || status || ' ' || raised_at || ' ' || " +
                "coalesce(escalated_at::text, '-') || ' ' || coalesce(resolved_at::text, '-') || ' ' || reopen_count FROM alerts ORDER BY alert_id"),
            await Rows(connection,
                "SELECT event_id || ' ' || alert_id || ' ' || event_type || ' ' || occurred_at || ' ' || payload_json FROM alert_events ORDER BY event_id"),
            byCow,
            duplicates,
            TopicRecords.Count(bootstrapServers, Topics.ReadingsDeadLetter) + TopicRecords.Count(bootstrapServers, Topics.CommandsDeadLetter));
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
