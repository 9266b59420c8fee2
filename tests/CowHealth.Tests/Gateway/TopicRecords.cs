using System.Diagnostics;
using Confluent.Kafka;

namespace CowHealth.Tests.Gateway;

/// <summary>Reads a topic from its beginning, every partition, without joining a consumer group.</summary>
public static class TopicRecords
{
    /// <summary>The first record <paramref name="matches"/> accepts, waiting up to <paramref name="timeout"/> for it.</summary>
    public static ConsumeResult<string, byte[]> First(
        string bootstrapServers, string topic, Func<ConsumeResult<string, byte[]>, bool> matches, TimeSpan timeout)
    {
        using var consumer = FromTheBeginning(bootstrapServers, topic, out _);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { Message: not null } record && matches(record))
            {
                return record;
            }
        }

        throw new TimeoutException($"No matching record reached {topic} within {timeout.TotalSeconds:0} s.");
    }

    /// <summary>Every record the topic holds now, each partition's in offset order, partition after partition.</summary>
    public static List<ConsumeResult<string, byte[]>> All(string bootstrapServers, string topic)
    {
        using var consumer = FromTheBeginning(bootstrapServers, topic, out var ends);
        var records = new List<ConsumeResult<string, byte[]>>();
        var remaining = ends.Where(e => e.Value > 0).ToDictionary();
        var clock = Stopwatch.StartNew();
        while (remaining.Count > 0)
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"{topic} was not read to its end within 60 s.");
            }

            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { Message: not null } record)
            {
                records.Add(record);
                if (record.Offset.Value + 1 >= remaining.GetValueOrDefault(record.Partition.Value))
                {
                    remaining.Remove(record.Partition.Value);
                }
            }
        }

        return records.OrderBy(r => r.Partition.Value).ThenBy(r => r.Offset.Value).ToList();
    }

    /// <summary>How many records the topic holds now (its partitions' end offsets, added up).</summary>
    public static long Count(string bootstrapServers, string topic)
    {
        using var consumer = FromTheBeginning(bootstrapServers, topic, out var ends);
        return ends.Values.Sum();
    }

    private static IConsumer<string, byte[]> FromTheBeginning(string bootstrapServers, string topic, out Dictionary<int, long> ends)
    {
        var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = "spec-reader-" + Guid.NewGuid().ToString("N"),
            EnableAutoCommit = false,
        }).Build();
        using var admin = new DependentAdminClientBuilder(consumer.Handle).Build();
        var partitions = admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.Single().Partitions;
        ends = partitions.ToDictionary(
            p => p.PartitionId,
            p => consumer.QueryWatermarkOffsets(new TopicPartition(topic, p.PartitionId), TimeSpan.FromSeconds(10)).High.Value);
        consumer.Assign(partitions.Select(p => new TopicPartitionOffset(topic, p.PartitionId, Offset.Beginning)));
        return consumer;
    }
}
