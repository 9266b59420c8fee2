using CowHealth.Contracts;
using CowHealth.Processor.Ingestion;
using CowHealth.Storage;
using CowHealth.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CowHealth.Tests.Storage;

/// <summary>Bulk reading storage, the same promises on PostgreSQL and SQLite.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ReadingWriter_Specs(ThrowawayPostgres postgres)
{
    private static readonly DateTimeOffset Start = new(2026, 5, 1, 6, 0, 0, TimeSpan.Zero);
    private static readonly DateTime StoredAt = new(2026, 5, 1, 7, 0, 0, DateTimeKind.Utc);
    private readonly StorageProviders _providers = new(postgres);

    [Theory]
    [MemberData(nameof(StorageProviders.Both), MemberType = typeof(StorageProviders))]
    public async Task A_batch_is_stored_with_every_value_and_each_cow_keeps_her_latest_reading(StorageProvider provider)
    {
        await using var db = await _providers.NewDatabase(provider, "batch");
        var readings = new[] { Reading("cow-1", 0, ph: 6.2), Reading("cow-1", 1, water: 12.5), Reading("cow-2", 0) };

        await Store(db, provider, readings);

        var stored = await db.Readings.AsNoTracking().OrderBy(r => r.CowId).ThenBy(r => r.MeasuredAt).ToListAsync();
        Assert.Equal(3, stored.Count);
        Assert.Equal(readings[0].ReadingId, stored[0].ReadingId);
        Assert.Equal(readings[0].MeasuredAt.UtcDateTime, stored[0].MeasuredAt);
        Assert.Equal(6.2, stored[0].RumenPh);
        Assert.Null(stored[0].WaterIntakeLitres);
        Assert.Equal(12.5, stored[1].WaterIntakeLitres);
        Assert.Equal(StoredAt, stored[0].StoredAt);
        var cow1 = await db.Cows.AsNoTracking().SingleAsync(c => c.CowId == "cow-1");
        Assert.Equal(readings[1].ReadingId, cow1.LatestReadingId);
        Assert.Equal(readings[1].MeasuredAt.UtcDateTime, cow1.LatestMeasuredAt);
        Assert.Equal(readings[0].MeasuredAt.UtcDateTime, cow1.FirstSeenAt);
    }

    [Theory]
    [MemberData(nameof(StorageProviders.Both), MemberType = typeof(StorageProviders))]
    public async Task A_redelivered_batch_stores_nothing_twice_and_an_older_reading_never_replaces_the_latest(StorageProvider provider)
    {
        await using var db = await _providers.NewDatabase(provider, "redelivery");
        var first = new[] { Reading("cow-1", 0), Reading("cow-1", 2) };
        await Store(db, provider, first);

        await Store(db, provider, [.. first, Reading("cow-1", 1)]);

        Assert.Equal(3, await db.Readings.CountAsync());
        var cow = await db.Cows.AsNoTracking().SingleAsync();
        Assert.Equal(first[1].ReadingId, cow.LatestReadingId);
    }

    [Theory]
    [MemberData(nameof(StorageProviders.Both), MemberType = typeof(StorageProviders))]
    public async Task A_cow_keeps_the_partition_her_readings_came_on_and_a_write_without_one_does_not_erase_it(StorageProvider provider)
    {
        await using var db = await _providers.NewDatabase(provider, "partition");
        await Store(db, provider, [Reading("cow-1", 0)], partition: 7);
        await Store(db, provider, [Reading("cow-1", 1)], partition: null);

        Assert.Equal(7, (await db.Cows.AsNoTracking().SingleAsync()).ReadingsPartition);

        await Store(db, provider, [Reading("cow-1", 2)], partition: 5);

        Assert.Equal(5, (await db.Cows.AsNoTracking().SingleAsync()).ReadingsPartition);
    }

    [Theory]
    [MemberData(nameof(StorageProviders.Both), MemberType = typeof(StorageProviders))]
    public async Task Nothing_is_stored_when_the_transaction_is_rolled_back(StorageProvider provider)
    {
        await using var db = await _providers.NewDatabase(provider, "rollback");
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await Writer(provider).Write(db, [Reading("cow-1", 0)], StoredAt, readingsPartition: 3, CancellationToken.None);
            await transaction.RollbackAsync();
        }

        Assert.Equal(0, await db.Readings.CountAsync());
        Assert.Equal(0, await db.Cows.CountAsync());
    }

    private static async Task Store(CowHealthDb db, StorageProvider provider, IReadOnlyList<SensorReading> readings, int? partition = 3)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        await Writer(provider).Write(db, readings, StoredAt, partition, CancellationToken.None);
        await transaction.CommitAsync();
    }

    private static ReadingWriter Writer(StorageProvider provider) =>
        provider == StorageProvider.Postgres ? new PostgresReadingWriter() : new SqliteReadingWriter();

    private static SensorReading Reading(string cow, int interval, double? water = null, double? ph = null) =>
        new(Guid.NewGuid(), cow, "F01", "S-" + cow, Start.AddMinutes(10 * interval), 39.05 + interval, 1.2, 4.5, water, ph);
}
