namespace CowHealth.Processor.Ingestion;

/// <summary>One readings partition's memory between batches (see <see cref="PartitionMemories"/>).</summary>
public sealed class PartitionMemory(PartitionClock clock, EscalationDeadlines deadlines)
{
    public PartitionClock Clock { get; } = clock;

    public EscalationDeadlines Deadlines { get; } = deadlines;

    /// <summary>The offset the next batch must start at for this memory to be the partition's current state.</summary>
    public long? NextOffset { get; private set; }

    /// <summary>The batch ending before <paramref name="nextOffset"/> committed: memory is the partition's current state.</summary>
    public void Committed(long nextOffset) => NextOffset = nextOffset;
}
