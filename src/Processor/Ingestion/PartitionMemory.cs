namespace CowHealth.Processor.Ingestion;

/// <summary>One readings partition's memory between batches (see <see cref="PartitionMemories"/>).</summary>
public sealed class PartitionMemory(PartitionClock clock, EscalationDeadlines deadlines, Guid assignment, long generation)
{
    /// <summary>The holding of the partition this memory was loaded for (see <see cref="KafkaRider.TopicBatch{T}.Assignment"/>).</summary>
    public Guid Assignment { get; } = assignment;

    /// <summary>The partition's generation this Processor claimed for that holding (see <see cref="PartitionFence"/>).</summary>
    public long Generation { get; } = generation;

    public PartitionClock Clock { get; } = clock;

    public EscalationDeadlines Deadlines { get; } = deadlines;

    /// <summary>The offset the next batch must start at for this memory to be the partition's current state.</summary>
    public long? NextOffset { get; private set; }

    /// <summary>The batch ending before <paramref name="nextOffset"/> committed: memory is the partition's current state.</summary>
    public void Committed(long nextOffset) => NextOffset = nextOffset;
}
