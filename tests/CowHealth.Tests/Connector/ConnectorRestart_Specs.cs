using System.Globalization;
using Confluent.Kafka;
using System.Text.Json;
using CowHealth.Contracts;
using CowHealth.KafkaRider.Producing;
using CowHealth.Simulator.Clock;
using CowHealth.Simulator.Publishing;
using CowHealth.Tests.Infrastructure;
using CowHealth.Tests.Simulator;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace CowHealth.Tests.Connector;

/// <summary>
/// The Connector's cursor survives a power cut: a Connector SIGKILLed three times while polling the
/// Simulator's Fake API (serving only, producing nothing itself) still gets every reading onto
/// <c>cow-health-data</c>, and re-sends at most the page that was in flight at each kill, which the
/// Processor's ReadingId de-duplication absorbs.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ConnectorRestart_Specs(ThrowawayPostgres postgres, ITestOutputHelper output)
{
    private const int Kills = 3;
    private const int PageSize = 20;
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_connector_killed_three_times_mid_stream_loses_no_reading_and_resends_at_most_the_page_in_flight()
    {
        var settings = SimulatorHost.Backfill(Start, days: 2, cows: 10);
        settings["FakeApi:ServeOnly"] = "true";
        settings["FakeApi:RecentReadingsKept"] = "100000";
        await using var vendor = await SimulatorHost.StartAsync(settings);
        var lastInterval = Start.AddDays(2).AddMinutes(-10);
        var clock = vendor.Services.GetRequiredService<SimulationClock>();
        await Eventually.Until(() => Task.FromResult(clock.ProducedThrough == lastInterval ? "done" : null), TimeSpan.FromMinutes(1), "the vendor's two days to be ready");
        var served = vendor.Services.GetRequiredService<RecentReadings>().After(0, int.MaxValue).Readings;
        // Serving only: the Simulator has no Kafka producer, so whatever reaches Kafka came through the Connector.
        Assert.Null(vendor.Services.GetService<SharedKafkaProducer>());

        var database = await postgres.CreateDatabaseAsync("connector_restart");
        var connector = new Dictionary<string, string>
        {
            ["Connector__Accounts__farm-one__BaseUrl"] = vendor.Url.ToString(),
            ["Connector__PageSize"] = PageSize.ToString(CultureInfo.InvariantCulture),
            ["Connector__PollInterval"] = "00:00:00.100",
        };

        for (var kill = 1; kill <= Kills; kill++)
        {
            using var process = ConnectorProcess.Start(vendor.KafkaBootstrapServers, database, connector);
            var target = served.Count * kill / (Kills + 1);
            await Eventually.Until(async () => await StoredPosition(database) >= target ? "there" : null,
                TimeSpan.FromMinutes(2), $"the Connector to have stored a position past {target} (kill {kill})");
            process.Kill();
            var position = await StoredPosition(database);
            output.WriteLine($"kill {kill}: stored position {position} of {served.Count}");
            Assert.True(position < served.Count, $"kill {kill} landed before the Connector had read everything ({position} of {served.Count})");
        }

        using (ConnectorProcess.Start(vendor.KafkaBootstrapServers, database, connector))
        {
            // The position is stored only after Kafka acknowledged every reading before it: once it is at the end, all are there.
            await Eventually.Until(async () => await StoredPosition(database) == served.Count ? "stored" : null,
                TimeSpan.FromMinutes(2), "the Connector to store the last position");
        }

        var onKafka = EveryRecord(vendor.KafkaBootstrapServers)
            .Select(r => JsonSerializer.Deserialize(r.Message.Value, CowHealthJson.Default.SensorReading)!.ReadingId)
            .ToList();
        var arrived = onKafka.ToHashSet();
        var ids = served.Select(r => r.ReadingId).ToHashSet();
        Assert.Empty(ids.Except(arrived));
        Assert.Empty(arrived.Except(ids));
        var duplicates = onKafka.Count - arrived.Count;
        output.WriteLine($"{served.Count} readings, {onKafka.Count} records on Kafka: {duplicates} re-sent after {Kills} kills");
        Assert.InRange(duplicates, 0, Kills * PageSize);
    }

    /// <summary>Every record on the readings topic, up to each partition's high watermark.</summary>
    private static List<ConsumeResult<string, byte[]>> EveryRecord(string bootstrapServers)
    {
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = "connector-spec",
            EnableAutoCommit = false,
        }).Build();
        var partitions = Enumerable.Range(0, SimulatorHost.ReadingsPartitions).Select(p => new TopicPartition(Topics.Readings, p)).ToList();
        var ends = partitions.ToDictionary(p => p.Partition.Value, p => consumer.QueryWatermarkOffsets(p, TimeSpan.FromSeconds(30)).High.Value);
        consumer.Assign(partitions.Select(p => new TopicPartitionOffset(p, Offset.Beginning)));
        var records = new List<ConsumeResult<string, byte[]>>();
        var total = ends.Values.Sum();
        while (records.Count < total)
        {
            records.Add(consumer.Consume(TimeSpan.FromMinutes(1)) ?? throw new TimeoutException($"Only {records.Count} of {total} records arrived within a minute."));
        }

        return records;
    }

    private static async Task<long?> StoredPosition(string database)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT position FROM vendor_positions WHERE account = 'farm-one'", connection);
        try
        {
            return await command.ExecuteScalarAsync() as long?;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return null;
        }
    }
}
