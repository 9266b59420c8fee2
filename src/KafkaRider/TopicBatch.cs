namespace CowHealth.KafkaRider;

/// <summary>
/// Consecutive records of one partition, delivered together to a consumer of
/// <c>IConsumer&lt;TopicBatch&lt;T&gt;&gt;</c> by a batch topic endpoint. Records are in offset order,
/// so one key's messages keep their order within and across batches.
/// </summary>
/// <param name="Assignment">
/// This consumer's current holding of the partition: a new value each time the partition is
/// assigned to it. A consumer that keeps per-partition state outside Kafka can fence an earlier
/// holding with it (throw <see cref="Failures.PartitionFencedException"/> when a newer holder exists).
/// </param>
public sealed record TopicBatch<T>(string Topic, int Partition, IReadOnlyList<TopicRecord<T>> Records, Guid Assignment)
    where T : class
{
    public int Count => Records.Count;

    public IEnumerable<T> Messages => Records.Select(r => r.Message);
}

/// <summary>One message of a <see cref="TopicBatch{T}"/> with where it came from.</summary>
/// <param name="Timestamp">The record's Kafka timestamp: when it was produced.</param>
public sealed record TopicRecord<T>(T Message, long Offset, DateTimeOffset Timestamp)
    where T : class;
