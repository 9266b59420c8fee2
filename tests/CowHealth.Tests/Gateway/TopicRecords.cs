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
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = "spec-reader-" + Guid.NewGuid().ToString("N"),
            EnableAutoCommit = false,
        }).Build();
        using (var admin = new DependentAdminClientBuilder(consumer.Handle).Build())
        {
            var partitions = admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.Single().Partitions;
            consumer.Assign(partitions.Select(p => new TopicPartitionOffset(topic, p.PartitionId, Offset.Beginning)));
        }

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
}
