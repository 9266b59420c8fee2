using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using CowHealth.Contracts;
using CowHealth.Processor.Detection;
using CowHealth.Storage;
using CowHealth.Storage.Detection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CowHealth.Processor.Ingestion;

/// <summary>
/// Keeps the detector's per-cow memory recoverable. A cow's state is saved now and then (every
/// <see cref="SaveEvery"/> of her event time) in the same transaction as her readings; a Processor that
/// meets a cow it does not hold in memory (after a restart, or after a failed batch) loads her saved
/// state and replays the readings stored since, which ends in exactly the state an uninterrupted
/// run would have. A saved state of another format (written before an upgrade that changed the
/// layout) is treated as absent: the cow replays her recent readings as a cow without a saved state
/// does, and the next save writes her state in the current format.
/// </summary>
public sealed partial class DetectionStateStore(HerdDetector detector, ILogger<DetectionStateStore>? logger = null, ProcessorMetrics? metrics = null)
{
    /// <summary>Event time between two saves of a cow's state: the most a recovery replays.</summary>
    public static readonly TimeSpan SaveEvery = TimeSpan.FromHours(6);

    /// <summary>A cow with readings but no saved state replays at most this much history (enough to warm her baselines).</summary>
    private static readonly TimeSpan ReplayWithoutState = TimeSpan.FromDays(3);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastSaved = new(StringComparer.Ordinal);
    private long _discarded;

    /// <summary>Saved states this store ignored because of their format, since it started.</summary>
    public long DiscardedStates => Interlocked.Read(ref _discarded);

    /// <summary>Brings every given cow into the detector's memory as of what the database holds.</summary>
    public async Task EnsureTracked(CowHealthDb db, IReadOnlyCollection<string> cowIds, CancellationToken cancellationToken)
    {
        var missing = cowIds.Where(id => !detector.IsTracked(id)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var saved = await db.DetectionStates.AsNoTracking()
            .Where(s => missing.Contains(s.CowId))
            .ToDictionaryAsync(s => s.CowId, cancellationToken);
        var latest = await db.Cows.AsNoTracking()
            .Where(c => missing.Contains(c.CowId))
            .ToDictionaryAsync(c => c.CowId, c => c.LatestMeasuredAt, cancellationToken);

        var replayFrom = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        foreach (var cowId in missing)
        {
            var snapshot = saved.TryGetValue(cowId, out var state) ? JsonSerializer.Deserialize<CowDetectionSnapshot>(state.SnapshotJson) : null;
            if (snapshot is not null && snapshot.FormatVersion != HerdDetector.SnapshotFormatVersion)
            {
                Discard(snapshot);
                snapshot = null;
            }

            if (snapshot is not null)
            {
                detector.Restore(snapshot);
                _lastSaved[cowId] = snapshot.LastMeasuredAt;
                replayFrom[cowId] = state!.LastMeasuredAt;
            }
            else if (latest.TryGetValue(cowId, out var newest))
            {
                replayFrom[cowId] = newest - ReplayWithoutState;
            }

            // Otherwise a cow the herd has never sent a reading for: nothing to replay.
        }

        if (replayFrom.Count == 0)
        {
            return;
        }

        // One query for every cow to replay, from the earliest point any of them needs; each cow
        // then skips what lies before her own point.
        var replaying = replayFrom.Keys.ToList();
        var earliest = replayFrom.Values.Min();
        var history = await db.Readings.AsNoTracking()
            .Where(r => replaying.Contains(r.CowId) && r.MeasuredAt > earliest)
            .OrderBy(r => r.CowId).ThenBy(r => r.MeasuredAt)
            .ToListAsync(cancellationToken);
        foreach (var reading in history.Where(r => r.MeasuredAt > replayFrom[r.CowId]))
        {
            // Changes found on the way were acted on when these readings were first stored.
            _ = detector.Observe(new SensorReading(reading.ReadingId, reading.CowId, reading.FarmId, reading.SensorId,
                new DateTimeOffset(reading.MeasuredAt, TimeSpan.Zero), reading.RumenTemperatureCelsius, reading.ActivityIndex,
                reading.RuminationMinutes, reading.WaterIntakeLitres, reading.RumenPh));
        }
    }

    /// <summary>Counts a saved state of another format; logs the first one only, as an upgrade discards them all, cow by cow.</summary>
    private void Discard(CowDetectionSnapshot snapshot)
    {
        metrics?.DetectionStatesDiscarded.Add(1);
        if (Interlocked.Increment(ref _discarded) == 1 && logger is not null)
        {
            LogDiscarded(logger, snapshot.FormatVersion, HerdDetector.SnapshotFormatVersion, snapshot.CowId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Saved detection state of format {Found} ignored (this Processor reads format {Expected}), first for cow {CowId}: " +
            "such cows are rebuilt from their recent readings. Further ones are counted in detection_states_discarded, not logged.")]
    private static partial void LogDiscarded(ILogger logger, int found, int expected, string cowId);

    /// <summary>Adds the states due for saving to the caller's unit of work.</summary>
    /// <param name="newestByCow">Each cow of the batch with her newest measured-at in it.</param>
    /// <param name="changedWithoutReading">Cows whose state changed without a reading (a noticed silence): always saved.</param>
    public async Task SaveDue(
        CowHealthDb db, IEnumerable<(string CowId, DateTimeOffset Newest)> newestByCow, IReadOnlySet<string> changedWithoutReading,
        CancellationToken cancellationToken)
    {
        var due = new List<CowDetectionSnapshot>();
        foreach (var (cowId, newest) in newestByCow)
        {
            // Judged from the batch's times, so a snapshot is only taken (and allocated) when one is due.
            if ((changedWithoutReading.Contains(cowId) || !_lastSaved.TryGetValue(cowId, out var last) || newest - last >= SaveEvery) &&
                detector.Snapshot(cowId) is { } snapshot)
            {
                due.Add(snapshot);
            }
        }

        foreach (var cowId in changedWithoutReading)
        {
            if (!due.Exists(s => s.CowId == cowId) && detector.Snapshot(cowId) is { } snapshot)
            {
                due.Add(snapshot);
            }
        }

        if (due.Count == 0)
        {
            return;
        }

        // One statement for every due cow, not a query and an update per cow.
        const int rowsPerStatement = 1_000;
        foreach (var chunk in due.Chunk(rowsPerStatement))
        {
            await using var command = RawSql.Command(db);
            var sql = new StringBuilder("INSERT INTO detection_states (cow_id, last_measured_at, snapshot_json) VALUES ");
            foreach (var (snapshot, i) in chunk.Select((s, i) => (s, i)))
            {
                sql.Append(i == 0 ? "(" : ",(")
                    .AppendJoin(',',
                        RawSql.Parameter(command, snapshot.CowId),
                        RawSql.Parameter(command, snapshot.LastMeasuredAt.UtcDateTime),
                        RawSql.Parameter(command, JsonSerializer.Serialize(snapshot)))
                    .Append(')');
                _lastSaved[snapshot.CowId] = snapshot.LastMeasuredAt;
            }

            // Only forward: a Processor re-running older readings (a redelivery, a late holder) never
            // puts back a state older than the one saved; equal times carry a noticed silence.
            sql.Append(" ON CONFLICT (cow_id) DO UPDATE SET last_measured_at = excluded.last_measured_at, snapshot_json = excluded.snapshot_json" +
                " WHERE excluded.last_measured_at >= detection_states.last_measured_at");
            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>After a failed unit of work: drop what memory holds for these cows, so they are loaded again as stored.</summary>
    public void Forget(IEnumerable<string> cowIds)
    {
        foreach (var cowId in cowIds)
        {
            detector.Forget(cowId);
            _lastSaved.TryRemove(cowId, out _);
        }
    }
}
