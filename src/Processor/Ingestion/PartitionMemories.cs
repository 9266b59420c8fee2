using System.Collections.Concurrent;
using CowHealth.Processor.Detection;
using CowHealth.Storage;
using Microsoft.EntityFrameworkCore;

namespace CowHealth.Processor.Ingestion;

/// <summary>
/// What the Processor keeps in memory per readings partition between batches: the partition's
/// event clock (to find silent boluses) and its cows' escalation deadlines, so a batch needs no
/// query for either. Memory for a partition is trusted only while its batches follow each other:
/// a gap in offsets (the partition was away at another Processor, or a record was parked), a new
/// holding of the partition or a failed batch makes it load the partition from the database again,
/// after claiming it (<see cref="PartitionFence"/>), so what it loads includes every earlier holder's work.
/// </summary>
public sealed class PartitionMemories(HerdDetector detector, DetectionStateStore detectionStates)
{
    private readonly ConcurrentDictionary<int, PartitionMemory> _partitions = new();

    /// <summary>The partition's memory for a batch starting at <paramref name="firstOffset"/>, inside the batch's transaction.</summary>
    /// <exception cref="KafkaRider.Failures.PartitionFencedException">Another holder has claimed the partition since this one did.</exception>
    public async Task<PartitionMemory> For(CowHealthDb db, int partition, long firstOffset, Guid assignment, CancellationToken cancellationToken)
    {
        if (_partitions.TryGetValue(partition, out var known) && known.Assignment == assignment && known.NextOffset == firstOffset)
        {
            await PartitionFence.Hold(db, partition, known.Generation, cancellationToken);
            return known;
        }

        var generation = await PartitionFence.Claim(db, partition, cancellationToken);

        if (known is not null)
        {
            // Another Processor may have moved these cows on meanwhile: what memory holds of them is stale.
            detectionStates.Forget(known.Clock.CowIds);
        }

        var cows = await db.Cows.AsNoTracking()
            .Where(c => c.ReadingsPartition == partition)
            .Select(c => new { c.CowId, c.FarmId, c.LatestMeasuredAt })
            .ToListAsync(cancellationToken);
        var memory = new PartitionMemory(
            new PartitionClock(cows.Select(c => (c.CowId, c.FarmId, c.LatestMeasuredAt))),
            await EscalationDeadlines.Load(db, partition, cancellationToken),
            assignment,
            generation);
        _partitions[partition] = memory;
        return memory;
    }

    /// <summary>After a failed unit of work: load the partition again as stored.</summary>
    public void Forget(int partition) => _partitions.TryRemove(partition, out _);

    /// <summary>Each farm's silence threshold; one delegate for the life of the Processor, not one per reading.</summary>
    public Func<string, long> SilentForTicks { get; } = detector.SilentForTicks;
}
