using CowHealth.Storage;
using CowHealth.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CowHealth.Tests.Storage;

/// <summary>An empty database of either provider, for specs that must hold on both.</summary>
public sealed class StorageProviders(ThrowawayPostgres postgres)
{
    public static TheoryData<StorageProvider> Both => new() { StorageProvider.Postgres, StorageProvider.Sqlite };

    /// <summary>A database with the current schema.</summary>
    public async Task<CowHealthDb> NewDatabase(StorageProvider provider, string purpose)
    {
        var db = await Unmigrated(provider, purpose);
        await db.Database.MigrateAsync();
        return db;
    }

    /// <summary>A database with no schema at all, for specs that apply migrations themselves.</summary>
    public async Task<CowHealthDb> Unmigrated(StorageProvider provider, string purpose) => provider switch
    {
        StorageProvider.Postgres => new PostgresCowHealthDb(new DbContextOptionsBuilder<PostgresCowHealthDb>()
            .UseCowHealthPostgres(await postgres.CreateDatabaseAsync(purpose)).Options),
        _ => new SqliteCowHealthDb(new DbContextOptionsBuilder<SqliteCowHealthDb>()
            .UseCowHealthSqlite($"Data Source={Path.Combine(Path.GetTempPath(), $"cowhealth-{purpose}-{Guid.NewGuid():N}.db")}").Options),
    };
}
