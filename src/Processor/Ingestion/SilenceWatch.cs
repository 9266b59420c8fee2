using System.Collections.Concurrent;
using CowHealth.Processor.Detection;
using CowHealth.Storage;
using Microsoft.EntityFrameworkCore;

namespace CowHealth.Processor.Ingestion;

/// <summary>
/// Finds boluses gone silent, one <see cref="PartitionClock"/> per readings partition. A farm-wide
/// clock would not do: a cow on a partition that lags behind would look silent next to a fast one,
/// and which alerts a run raised would depend on how partitions happened to interleave.
/// Memory for a partition is trusted only while its batches follow each other; a gap in offsets
/// (the partition was away at another Processor, or a record was parked) or a failed batch makes
/// it load the partition's state from the database again.
/// </summary>
public sealed class SilenceWatch(HerdDetector detector, DetectionStateStore detectionStates)
{
    private readonly ConcurrentDictionary<int, PartitionClock> _partitions = new();

    public async Task<PartitionClock> For(CowHealthDb db, int partition, long firstOffset, CancellationToken cancellationToken)
    {
        if (_partitions.TryGetValue(partition, out var known) && known.NextOffset == firstOffset)
        {
            return known;
        }

        if (known is not null)
        {
            // Another Processor may have moved these cows on meanwhile: what memory holds of them is stale.
            detectionStates.Forget(known.CowIds);
        }

        var cows = await db.Cows.AsNoTracking()
            .Where(c => c.ReadingsPartition == partition)
            .Select(c => new { c.CowId, c.FarmId, c.LatestMeasuredAt })
            .ToListAsync(cancellationToken);
        var clock = new PartitionClock(cows.Select(c => (c.CowId, c.FarmId, c.LatestMeasuredAt)));
        _partitions[partition] = clock;
        return clock;
    }

    /// <summary>The batch ending before <paramref name="nextOffset"/> committed: the partition's memory is current.</summary>
    public static void Committed(PartitionClock clock, long nextOffset) => clock.NextOffset = nextOffset;

    /// <summary>After a failed unit of work: load the partition again as stored.</summary>
    public void Forget(int partition) => _partitions.TryRemove(partition, out _);

    public long SilentForTicks(string farmId) => detector.SilentForTicks(farmId);
}
