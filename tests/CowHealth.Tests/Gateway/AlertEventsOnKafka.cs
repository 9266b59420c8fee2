using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using CowHealth.Contracts;
using CowHealth.KafkaRider;
using CowHealth.Storage.Alerts;

namespace CowHealth.Tests.Gateway;

/// <summary>Publishes alert events on <c>cow-health-alerts</c> the way the Processor's outbox relay does, and reads where the topic ends.</summary>
public static class AlertEventsOnKafka
{
    public static AlertRaised Raised(string cowId, string farmId, int minute) => new(
        CowAlertIdentity.AlertOf(cowId, HealthCondition.Fever, new DateTime(2026, 3, 2, 6, minute, 0, DateTimeKind.Utc)),
        cowId, farmId, HealthCondition.Fever, AlertSeverity.Critical, new DateTimeOffset(2026, 3, 2, 6, minute, 0, TimeSpan.Zero),
        new AlertEvidence("RumenTemperatureCelsius", 40.9, 39.1, 39.9, new DateTimeOffset(2026, 3, 2, 5, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 3, 2, 6, minute, 0, TimeSpan.Zero), "Fever"));

    public static void Publish(string bootstrapServers, IEnumerable<AlertRaised> events)
    {
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = bootstrapServers, EnableIdempotence = true }).Build();
        foreach (var raised in events)
        {
            producer.Produce(Topics.Alerts, new Message<string, byte[]>
            {
                Key = raised.CowId,
                Value = JsonSerializer.SerializeToUtf8Bytes(raised, CowHealthJson.Default.AlertRaised),
                Headers = MessageHeaders.For(typeof(AlertRaised).FullName!, 1, Guid.NewGuid(), raised.AlertId, DateTimeOffset.UtcNow),
            });
        }

        if (producer.Flush(TimeSpan.FromSeconds(30)) > 0)
        {
            throw new InvalidOperationException("The alert events were not acknowledged within 30 s.");
        }
    }

    /// <summary>
    /// Fills one cow's partition with more than the embedded broker keeps (5 MiB a partition), so that
    /// its oldest records are dropped, as retention drops them on a real cluster.
    /// </summary>
    public static void Overflow(string bootstrapServers, string cowId)
    {
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = bootstrapServers, LingerMs = 0 }).Build();
        var filler = new byte[256 * 1024];
        for (var i = 0; i < 28; i++)
        {
            producer.Produce(Topics.Alerts, new Message<string, byte[]> { Key = cowId, Value = filler });
            producer.Flush(TimeSpan.FromSeconds(30));
        }
    }

    /// <summary>The stream position just past the last record of every partition, as a stream writes it.</summary>
    public static string End(string bootstrapServers)
    {
        using var consumer = new ConsumerBuilder<Ignore, byte[]>(new ConsumerConfig { BootstrapServers = bootstrapServers, GroupId = "spec-watermarks" }).Build();
        using var admin = new DependentAdminClientBuilder(consumer.Handle).Build();
        var partitions = admin.GetMetadata(Topics.Alerts, TimeSpan.FromSeconds(10)).Topics.Single().Partitions.Select(p => p.PartitionId).Order();
        return string.Join(',', partitions.Select(p =>
            $"{p}:{consumer.QueryWatermarkOffsets(new TopicPartition(Topics.Alerts, p), TimeSpan.FromSeconds(10)).High.Value}"));
    }

    public static AlertRaised Read(string data) => JsonSerializer.Deserialize(data, CowHealthJson.Default.AlertRaised)!;

    /// <summary>Whether every partition of <paramref name="position"/> has reached <paramref name="end"/>'s offset for it.</summary>
    public static bool Reached(string? position, string end) => Compare(position, end, (at, target) => at >= target);

    /// <summary>Whether no partition of <paramref name="position"/> is past <paramref name="end"/>'s offset for it.</summary>
    public static bool Within(string? position, string end) => Compare(position, end, (at, target) => at <= target);

    private static bool Compare(string? position, string end, Func<long, long, bool> holds)
    {
        if (position is null)
        {
            return false;
        }

        var at = Offsets(position);
        return Offsets(end).All(target => at.TryGetValue(target.Key, out var offset) && holds(offset, target.Value));
    }

    private static Dictionary<int, long> Offsets(string position) =>
        position.Split(',').Select(pair => pair.Split(':')).ToDictionary(p => int.Parse(p[0]), p => long.Parse(p[1]));
}
