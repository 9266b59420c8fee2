using CowHealth.KafkaRider.Failures;
using CowHealth.Processor.Detection;
using CowHealth.Processor.Ingestion;
using CowHealth.Storage;
using CowHealth.Tests.Detection;
using CowHealth.Tests.Infrastructure;
using CowHealth.Tests.Storage;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CowHealth.Tests.Processor;

/// <summary>
/// A readings partition that moves to another Processor while a batch of the old holder still runs
/// (its rebalance outran the shutdown timeout): the old holder can commit nothing once the new one
/// began, and nothing it saves can take the stored state backwards.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PartitionHandover_Specs(ThrowawayPostgres postgres)
{
    private readonly StorageProviders _providers = new(postgres);

    [Theory]
    [MemberData(nameof(StorageProviders.Both), MemberType = typeof(StorageProviders))]
    public async Task A_holder_whose_partition_was_taken_over_is_fenced_and_commits_nothing(StorageProvider provider)
    {
        await using var oldDb = await _providers.NewDatabase(provider, "fenced");
        var old = new Holder(Guid.NewGuid());
        var successor = new Holder(Guid.NewGuid());
        await old.Batch(oldDb, firstOffset: 0, committedUpTo: 100);

        await using var newDb = await Open(oldDb);
        await successor.Batch(newDb, firstOffset: 100, committedUpTo: 200);

        // The old holder still believes it holds the partition, and its memory follows on from its last batch.
        var fenced = await Assert.ThrowsAsync<PartitionFencedException>(() => old.Batch(oldDb, firstOffset: 100, committedUpTo: 200));
        Assert.Contains("taken over", fenced.Message);
        Assert.Equal(2, (await newDb.ReadingsPartitionHolders.AsNoTracking().SingleAsync()).Generation);
    }

    [Fact]
    public async Task A_new_holder_waits_for_the_old_holders_open_batch_before_it_takes_the_partition_over()
    {
        await using var oldDb = await _providers.NewDatabase(StorageProvider.Postgres, "claim_waits");
        var old = new Holder(Guid.NewGuid());
        await old.Batch(oldDb, firstOffset: 0, committedUpTo: 100);

        await using var running = await oldDb.Database.BeginTransactionAsync();
        await old.Memories.For(oldDb, Partition, 100, old.Assignment, CancellationToken.None);
        await using var newDb = await Open(oldDb);
        var successor = new Holder(Guid.NewGuid());
        var claim = successor.Batch(newDb, firstOffset: 100, committedUpTo: 200);
        await Eventually.Until(async () => await WaitingOnALock(oldDb) ? "waiting" : null, TimeSpan.FromSeconds(10),
            "the new holder's claim to wait on the old holder's batch");
        Assert.False(claim.IsCompleted);

        await running.CommitAsync();
        await claim.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, (await newDb.ReadingsPartitionHolders.AsNoTracking().SingleAsync()).Generation);
    }

    [Theory]
    [MemberData(nameof(StorageProviders.Both), MemberType = typeof(StorageProviders))]
    public async Task A_saved_detection_state_only_moves_forward(StorageProvider provider)
    {
        await using var db = await _providers.NewDatabase(provider, "state_forward");
        await db.Database.OpenConnectionAsync();
        var cow = new CowTimeline("F01-C0001", seed: 1);
        var readings = cow.Healthy(TimeSpan.FromDays(2));
        var (aheadDetector, behindDetector) = (Detectors.New(), Detectors.New());
        var (ahead, behind) = (new DetectionStateStore(aheadDetector), new DetectionStateStore(behindDetector));
        aheadDetector.Run(readings);
        // A late holder re-running the first day holds an older state.
        behindDetector.Run(readings[..144]);

        await Save(db, ahead, readings);
        await Save(db, behind, readings[..144]);

        var saved = await db.DetectionStates.AsNoTracking().SingleAsync();
        Assert.Equal(readings[^1].MeasuredAt.UtcDateTime, saved.LastMeasuredAt);
    }

    private const int Partition = 7;

    private static async Task Save(CowHealthDb db, DetectionStateStore store, List<Contracts.SensorReading> readings)
    {
        await store.SaveDue(db, [(readings[0].CowId, readings[^1].MeasuredAt)], new HashSet<string>([readings[0].CowId]), CancellationToken.None);
    }

    /// <summary>A second context on the same database: another Processor.</summary>
    private static async Task<CowHealthDb> Open(CowHealthDb db)
    {
        var connectionString = db.Database.GetConnectionString()!;
        CowHealthDb other = db is PostgresCowHealthDb
            ? new PostgresCowHealthDb(new DbContextOptionsBuilder<PostgresCowHealthDb>().UseCowHealthPostgres(connectionString).Options)
            : new SqliteCowHealthDb(new DbContextOptionsBuilder<SqliteCowHealthDb>().UseCowHealthSqlite(connectionString).Options);
        await other.Database.OpenConnectionAsync();
        return other;
    }

    private static async Task<bool> WaitingOnALock(CowHealthDb db)
    {
        await using var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", connection);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    /// <summary>One Processor's hold on the partition: its memory of it, and the rider's id for the holding.</summary>
    private sealed class Holder(Guid assignment)
    {
        private static readonly HerdDetector Detector = Detectors.New();

        public Guid Assignment { get; } = assignment;

        public PartitionMemories Memories { get; } = new(Detector, new DetectionStateStore(Detector));

        /// <summary>A batch's transaction: take the partition's memory (claiming or checking the holding), commit.</summary>
        public async Task Batch(CowHealthDb db, long firstOffset, long committedUpTo)
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var memory = await Memories.For(db, Partition, firstOffset, Assignment, CancellationToken.None);
            await transaction.CommitAsync();
            memory.Committed(committedUpTo);
        }
    }
}
