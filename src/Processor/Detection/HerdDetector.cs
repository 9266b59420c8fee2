using System.Collections.Concurrent;
using CowHealth.Contracts;
using Microsoft.Extensions.Options;

namespace CowHealth.Processor.Detection;

/// <summary>
/// The detection rules for a whole herd: turns each cow's readings, in event time, into condition
/// changes (detected, cleared). Pure logic, no I/O and no clock: a backfill, an accelerated run and a
/// real-time run of the same readings give the same changes. One per Processor; safe to call
/// concurrently for different cows (never for the same cow at once, as Kafka's per-key order gives).
/// </summary>
public sealed class HerdDetector
{
    private readonly DetectionOptions _options;
    private readonly ConcurrentDictionary<string, TrackedCow> _cows = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, HerdFarm> _farms = new(StringComparer.Ordinal);
    private readonly Func<string, HerdFarm> _newFarm;
    private int _trackedCows;

    public HerdDetector(IOptions<DetectionOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        DetectionOptionsValidator.ThrowIfInvalid(_options);
        _newFarm = farmId => new HerdFarm(farmId, new FarmRules(_options.For(farmId)));
    }

    /// <summary>Cows with detection state in memory.</summary>
    public int TrackedCows => Volatile.Read(ref _trackedCows);

    /// <summary>
    /// Folds one reading into its cow's state and returns the conditions it detected or cleared
    /// (usually none). Readings of a cow must come in event-time order; one whose measured-at is
    /// not after the cow's newest is a re-delivery and changes nothing.
    /// </summary>
    public IReadOnlyList<ConditionChange> Observe(SensorReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (!_cows.TryGetValue(reading.CowId, out var cow))
        {
            cow = Track(reading.CowId, reading.FarmId);
        }

        lock (cow)
        {
            return cow.Observe(reading);
        }
    }

    /// <summary>
    /// The farm's event time has reached <paramref name="farmEventTime"/> (the newest measured-at
    /// seen from it): raises <see cref="HealthCondition.SensorOffline"/> for its cows silent for
    /// longer than the farm's threshold. The cow's next reading clears it. Scans at most once per
    /// minute of the farm's event time, so it may be called after every batch. For one ordered stream
    /// of a farm's readings (a replay, a test); the pipeline, whose partitions run at their own pace,
    /// uses <see cref="NoticeSilence"/> with one clock per partition instead.
    /// </summary>
    public IReadOnlyList<ConditionChange> CheckSilence(string farmId, DateTimeOffset farmEventTime)
    {
        ArgumentNullException.ThrowIfNull(farmId);
        return _farms.TryGetValue(farmId, out var farm) ? farm.CheckSilence(farmEventTime.UtcTicks) : [];
    }

    /// <summary>
    /// Event time has reached <paramref name="at"/> on the cow's own stream (her partition's clock):
    /// raises <see cref="HealthCondition.SensorOffline"/> if she has been silent for longer than her
    /// farm's threshold and is not offline already. Null when nothing changed or she is not tracked.
    /// </summary>
    public ConditionChange? NoticeSilence(string cowId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(cowId);
        if (!_cows.TryGetValue(cowId, out var cow))
        {
            return null;
        }

        lock (cow)
        {
            return cow.NoticeSilence(at.UtcTicks);
        }
    }

    /// <summary>How long a bolus on this farm may stay silent before it counts as offline.</summary>
    public long SilentForTicks(string farmId)
    {
        ArgumentNullException.ThrowIfNull(farmId);
        return _farms.GetOrAdd(farmId, _newFarm).Rules.Offline.SilentForTicks;
    }

    /// <summary>The detector holds state for this cow (seen or restored since the Processor started).</summary>
    public bool IsTracked(string cowId)
    {
        ArgumentNullException.ThrowIfNull(cowId);
        return _cows.ContainsKey(cowId);
    }

    /// <summary>
    /// Drops what memory holds for the cow (e.g. after a failed unit of work, so she is restored as
    /// stored); returns whether she was tracked. Her next reading or restore starts her afresh.
    /// </summary>
    public bool Forget(string cowId)
    {
        ArgumentNullException.ThrowIfNull(cowId);
        if (!_cows.TryRemove(cowId, out var cow))
        {
            return false;
        }

        lock (cow)
        {
            cow.Farm.Remove(cow);
        }

        Interlocked.Decrement(ref _trackedCows);
        return true;
    }

    /// <summary>The cow's state to store with the readings it has seen; null for a cow never seen.</summary>
    public CowDetectionSnapshot? Snapshot(string cowId)
    {
        ArgumentNullException.ThrowIfNull(cowId);
        if (!_cows.TryGetValue(cowId, out var cow))
        {
            return null;
        }

        lock (cow)
        {
            return cow.Snapshot();
        }
    }

    /// <summary>The snapshot layout this detector writes and restores; a snapshot of another layout is refused by <see cref="Restore"/>.</summary>
    public static int SnapshotFormatVersion => TrackedCow.FormatVersion;

    /// <summary>Puts a stored state back (after a restart, before the cow's next reading), replacing what is in memory.</summary>
    public void Restore(CowDetectionSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.FormatVersion != TrackedCow.FormatVersion)
        {
            throw new ArgumentException(
                $"Cow {snapshot.CowId}'s detection snapshot has format {snapshot.FormatVersion}; this Processor reads format " +
                $"{TrackedCow.FormatVersion}. Discard it and the cow relearns her baselines.", nameof(snapshot));
        }

        var farm = _farms.GetOrAdd(snapshot.FarmId, _newFarm);
        var cow = _cows.TryGetValue(snapshot.CowId, out var known) ? known : Track(snapshot.CowId, snapshot.FarmId);
        lock (cow)
        {
            var previousFarm = cow.Farm;
            cow.Restore(snapshot, farm);
            if (!ReferenceEquals(previousFarm, farm))
            {
                previousFarm.Remove(cow);
                farm.Add(cow);
            }
        }
    }

    private TrackedCow Track(string cowId, string farmId)
    {
        var farm = _farms.GetOrAdd(farmId, _newFarm);
        var created = new TrackedCow(cowId, farm);
        var cow = _cows.GetOrAdd(cowId, created);
        if (ReferenceEquals(cow, created))
        {
            farm.Add(cow);
            Interlocked.Increment(ref _trackedCows);
        }

        return cow;
    }
}
