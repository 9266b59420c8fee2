namespace CowHealth.KafkaRider;

/// <summary>
/// Consecutive records of one partition, delivered together to a consumer of
/// <c>IConsumer&lt;TopicBatch&lt;T&gt;&gt;</c> by a batch topic endpoint. Records are in offset order,
/// so one key's messages keep their order within and across batches.
/// </summary>
public sealed record TopicBatch<T>(string Topic, int Partition, IReadOnlyList<TopicRecord<T>> Records)
    where T : class
{
    public int Count => Records.Count;

    public IEnumerable<T> Messages => Records.Select(r => r.Message);
}

/// <summary>One message of a <see cref="TopicBatch{T}"/> with where it came from.</summary>
/// <param name="Timestamp">The record's Kafka timestamp: when it was produced.</param>
public sealed record TopicRecord<T>(T Message, long Offset, DateTimeOffset Timestamp)
    where T : class;
