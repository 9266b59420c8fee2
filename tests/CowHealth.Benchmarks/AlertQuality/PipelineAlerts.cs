using System.Diagnostics;
using System.Text.Json;
using CowHealth.Contracts;
using CowHealth.EmbeddedKafka;
using CowHealth.LocalRun;
using CowHealth.Storage;
using CowHealth.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace CowHealth.Benchmarks.AlertQuality;

/// <summary>
/// Runs readings through the real Processor, as production does: produced to the embedded
/// Kafka-protocol broker keyed by cow, consumed by the Processor's rider, validated, stored in
/// PostgreSQL, judged by the detector and turned into alerts by the saga in the same transaction.
/// The alerts are then read back from the alert events the Processor recorded (what the Gateway
/// serves and the relay publishes).
/// </summary>
internal static class PipelineAlerts
{
    // The mock broker keeps at most 5 MiB per partition: a run's readings (about 300 bytes each) must fit.
    private const int Partitions = 64;

    public static async Task<(IReadOnlyList<AlertSpan> Spans, TimeSpan Elapsed)> Run(
        string database, IReadOnlyList<SensorReading> readings, IReadOnlyDictionary<string, string?> settings)
    {
        var clock = Stopwatch.StartNew();
        await using (var broker = await EmbeddedKafkaBroker.StartAsync(
            new EmbeddedKafkaOptions { ReadingsPartitions = Partitions, GroupInitialRebalanceDelay = TimeSpan.Zero }))
        {
            ReadingsOnKafka.Produce(broker.BootstrapServers, readings);
            using var stored = new StoredReadings();
            await using var run = await StartProcessor(broker.BootstrapServers, database, settings);
            // Everything a reading causes (its alerts' events included) commits with it.
            await stored.WaitFor(readings.Count);
        }

        return (await Spans(database), clock.Elapsed);
    }

    private static async Task<IReadOnlyList<AlertSpan>> Spans(string database)
    {
        await using var db = new PostgresCowHealthDb(new DbContextOptionsBuilder<PostgresCowHealthDb>().UseCowHealthPostgres(database).Options);
        var events = await db.AlertEvents
            .Join(db.Alerts, e => e.AlertId, a => a.AlertId, (e, a) => new { a.AlertId, a.CowId, a.Condition, e.EventType, e.OccurredAt, e.Position, e.PayloadJson })
            .ToListAsync();
        var spans = new List<AlertSpan>();
        foreach (var alert in events.GroupBy(e => e.AlertId))
        {
            DateTimeOffset? openedAt = null;
            ActionWindow? action = null;
            foreach (var e in alert.OrderBy(e => e.OccurredAt).ThenBy(e => e.Position))
            {
                var at = new DateTimeOffset(DateTime.SpecifyKind(e.OccurredAt, DateTimeKind.Utc));
                switch (e.EventType)
                {
                    case nameof(AlertRaised) when openedAt is null:
                        openedAt = at;
                        action = JsonSerializer.Deserialize(e.PayloadJson, CowHealthJson.Default.AlertRaised)!.Evidence.Action;
                        break;
                    case nameof(AlertReopened) when openedAt is null:
                        openedAt = at;
                        action = JsonSerializer.Deserialize(e.PayloadJson, CowHealthJson.Default.AlertReopened)!.Evidence.Action;
                        break;
                    case nameof(AlertResolved) when openedAt is { } from:
                        spans.Add(new AlertSpan(e.CowId, e.Condition, from, at, action));
                        openedAt = null;
                        break;
                }
            }

            if (openedAt is { } stillOpen)
            {
                var first = alert.First();
                spans.Add(new AlertSpan(first.CowId, first.Condition, stillOpen, null, action));
            }
        }

        return spans;
    }

    private static Task<CowHealthLocalRun> StartProcessor(string bootstrapServers, string database, IReadOnlyDictionary<string, string?> settings) =>
        CowHealthLocalRun.StartAsync(
            new ConfigurationBuilder().AddInMemoryCollection(settings).AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Warning",
                ["Kafka:BootstrapServers"] = bootstrapServers,
                ["Storage:Provider"] = "Postgres",
                ["Storage:ConnectionString"] = database,
                // The Simulator of the local run sends nothing: the scorecard's herd is already on the topic.
                ["Simulation:Mode"] = "Backfill",
                ["Simulation:BackfillDays"] = "0",
                ["LocalRun:GatewayUrl"] = "http://127.0.0.1:0",
                ["LocalRun:ProcessorUrl"] = "http://127.0.0.1:0",
                ["LocalRun:SimulatorUrl"] = "http://127.0.0.1:0",
            }).Build(),
            NullLoggerFactory.Instance,
            CancellationToken.None);
}
