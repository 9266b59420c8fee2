namespace CowHealth.Storage;

/// <summary>
/// Who holds one readings partition now, as a generation: a Processor that is given the partition
/// raises it, and every batch checks it inside its own transaction. A Processor still finishing a
/// batch for a partition it has lost (a rebalance outran its shutdown timeout) therefore commits
/// nothing once its successor has begun.
/// </summary>
public sealed class ReadingsPartitionHolder
{
    public int Partition { get; set; }

    public long Generation { get; set; }
}
