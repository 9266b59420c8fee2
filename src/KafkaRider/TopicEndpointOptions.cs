using System.ComponentModel.DataAnnotations;

namespace CowHealth.KafkaRider;

/// <summary>How a topic endpoint consumes. Every default suits a low-volume topic.</summary>
public sealed record TopicEndpointOptions
{
    /// <summary>
    /// How many partitions may be dispatching at the same time. Within a partition records are
    /// handled one after another (one key's messages stay in order). Default 8.
    /// </summary>
    [Range(1, 10_000)]
    public int ConcurrentPartitionLimit { get; init; } = 8;

    /// <summary>
    /// Records read ahead per partition before the partition is paused, so a slow consumer holds a
    /// bounded amount of memory rather than the whole topic. Default 10,000.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxBufferedRecordsPerPartition { get; init; } = 10_000;
}

/// <summary>When a batch topic endpoint hands a batch over: at <paramref name="MessageLimit"/> records or after <paramref name="TimeLimit"/>, whichever comes first.</summary>
public sealed record TopicBatchLimits(int MessageLimit, TimeSpan TimeLimit);
