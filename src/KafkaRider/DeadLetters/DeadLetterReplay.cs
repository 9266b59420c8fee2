using Confluent.Kafka;

namespace CowHealth.KafkaRider.DeadLetters;

/// <summary>
/// Puts parked records back on the topic they came from (the <c>dlq-original-topic</c> header), with
/// their original key, value and headers, once the cause that parked them is fixed. It reads the
/// dead-letter topic from its beginning up to where it ended when the replay began, so a record parked
/// again during the replay is not replayed twice in one go. It does not remove what it replays (a Kafka
/// topic cannot): consumers must absorb a record replayed twice, as CowHealth's do (readings by cow and
/// measured-at, commands by their id).
/// </summary>
public sealed class DeadLetterReplay(string bootstrapServers)
{
    private static readonly TimeSpan MetadataTimeout = TimeSpan.FromSeconds(10);

    /// <param name="dryRun">Count and list what would be replayed, and produce nothing.</param>
    /// <param name="replayed">Told of each record replayed (or, in a dry run, that would be).</param>
    public async Task<DeadLetterReplayResult> Replay(
        string deadLetterTopic, DeadLetterFilter filter, bool dryRun, Action<ParkedRecord>? replayed, CancellationToken cancellationToken)
    {
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            // Assigned, not subscribed: a replay neither joins nor moves any consumer group.
            GroupId = "cowhealth-dlq-replay",
            EnableAutoCommit = false,
            EnablePartitionEof = true,
        }).Build();
        var ends = EndsOf(consumer, deadLetterTopic);
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig
        {
            BootstrapServers = bootstrapServers,
            EnableIdempotence = true,
            Acks = Acks.All,
        }).Build();

        var read = 0;
        var deliveries = new List<Task>();
        var byReason = new Dictionary<string, int>(StringComparer.Ordinal);
        var remaining = ends.Where(e => e.Value > 0).Select(e => e.Key).ToHashSet();
        consumer.Assign(remaining.Select(p => new TopicPartitionOffset(deadLetterTopic, p, Offset.Beginning)));
        while (remaining.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var record = consumer.Consume(TimeSpan.FromMilliseconds(500));
            if (record is null)
            {
                continue;
            }

            if (record.IsPartitionEOF || record.Offset.Value + 1 >= ends[record.Partition.Value])
            {
                remaining.Remove(record.Partition.Value);
            }

            if (record.IsPartitionEOF || record.Offset.Value >= ends[record.Partition.Value])
            {
                continue;
            }

            read++;
            var parked = ParkedRecord.From(record);
            if (parked.OriginalTopic is null || !filter.Accepts(parked.Key, parked.Reason, parked.ParkedAt))
            {
                continue;
            }

            byReason[parked.Reason] = byReason.GetValueOrDefault(parked.Reason) + 1;
            replayed?.Invoke(parked);
            if (!dryRun)
            {
                deliveries.Add(producer.ProduceAsync(parked.OriginalTopic, parked.ToOriginal(), cancellationToken));
            }
        }

        // Completes once the broker has every replayed record, or throws what it refused.
        await Task.WhenAll(deliveries);
        return new DeadLetterReplayResult(read, byReason.Values.Sum(), byReason);
    }

    private static Dictionary<int, long> EndsOf(IConsumer<string, byte[]> consumer, string topic)
    {
        using var admin = new DependentAdminClientBuilder(consumer.Handle).Build();
        var metadata = admin.GetMetadata(topic, MetadataTimeout).Topics.SingleOrDefault(t => t.Topic == topic);
        if (metadata is null || metadata.Error.IsError)
        {
            throw new InvalidOperationException($"Topic {topic} does not exist at {consumer.Name}: {metadata?.Error.Reason ?? "no metadata"}.");
        }

        return metadata.Partitions.ToDictionary(
            p => p.PartitionId,
            p => consumer.QueryWatermarkOffsets(new TopicPartition(topic, p.PartitionId), MetadataTimeout).High.Value);
    }
}
