using System.Text.Json;
using CowHealth.Processor.Detection;
using CowHealth.Processor.Ingestion;
using CowHealth.Storage;
using CowHealth.Storage.Detection;
using CowHealth.Tests.Detection;
using CowHealth.Tests.Gateway;
using CowHealth.Tests.Infrastructure;
using CowHealth.Tests.Simulator;
using CowHealth.Tests.Storage;
using Microsoft.EntityFrameworkCore;

namespace CowHealth.Tests.Processor;

/// <summary>
/// A Processor that meets cows it does not hold in memory loads their saved detection state. After
/// an upgrade that changed the state's layout, the saved states are of the old format: they must
/// not stop ingestion, and each cow is rebuilt from her stored readings instead.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DetectionStateRecovery_Specs(ThrowawayPostgres postgres)
{
    private readonly StorageProviders _providers = new(postgres);
    private readonly SettableClock _clock = new(CowTimeline.Start.AddDays(3));

    [Theory]
    [MemberData(nameof(StorageProviders.Both), MemberType = typeof(StorageProviders))]
    public async Task A_saved_state_of_an_older_format_is_ignored_and_the_cow_is_rebuilt_from_her_readings(StorageProvider provider)
    {
        await using var db = await _providers.NewDatabase(provider, "state_old_format");
        var cows = new[] { new CowTimeline("F01-C0001", seed: 1), new CowTimeline("F01-C0002", seed: 2) };
        var readings = cows.SelectMany(cow => cow.Healthy(TimeSpan.FromDays(2))).ToList();
        await new StoredHerd(db, _clock).Store(readings);
        var uninterrupted = Detectors.New();
        uninterrupted.Run(readings);
        foreach (var cow in cows)
        {
            // What an older Processor saved half-way through: a layout this one does not read.
            var halfWay = Detectors.New();
            halfWay.Run(readings.Where(r => r.CowId == cow.CowId).Take(144));
            var old = halfWay.Snapshot(cow.CowId)! with { FormatVersion = HerdDetector.SnapshotFormatVersion - 1 };
            db.DetectionStates.Add(new CowDetectionState
            {
                CowId = cow.CowId, LastMeasuredAt = old.LastMeasuredAt.UtcDateTime, SnapshotJson = JsonSerializer.Serialize(old),
            });
        }

        await db.SaveChangesAsync();
        var detector = Detectors.New();
        var store = new DetectionStateStore(detector);

        await store.EnsureTracked(db, [.. cows.Select(c => c.CowId)], CancellationToken.None);

        Assert.Equal(2, store.DiscardedStates);
        foreach (var cow in cows)
        {
            // Her whole history is within the replay of a cow without a saved state: the same state as a run that never stopped.
            Assert.Equal(uninterrupted.Snapshot(cow.CowId)!.State, detector.Snapshot(cow.CowId)!.State);
        }

        // The next save writes her state in the format this Processor reads, so she is rebuilt only once.
        await store.SaveDue(db, [.. cows.Select(c => (c.CowId, readings.Last(r => r.CowId == c.CowId).MeasuredAt))], new HashSet<string>(),
            CancellationToken.None);
        var saved = await db.DetectionStates.AsNoTracking().ToListAsync();
        Assert.All(saved, s => Assert.Equal(HerdDetector.SnapshotFormatVersion, JsonSerializer.Deserialize<CowDetectionSnapshot>(s.SnapshotJson)!.FormatVersion));
        var restarted = new DetectionStateStore(Detectors.New());
        await restarted.EnsureTracked(db, [.. cows.Select(c => c.CowId)], CancellationToken.None);
        Assert.Equal(0, restarted.DiscardedStates);
    }
}
