using CowHealth.Storage;
using CowHealth.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CowHealth.Tests.Storage;

/// <summary>A migrated, empty database of either provider, for specs that must hold on both.</summary>
public sealed class StorageProviders(ThrowawayPostgres postgres)
{
    public static TheoryData<StorageProvider> Both => new() { StorageProvider.Postgres, StorageProvider.Sqlite };

    public async Task<CowHealthDb> NewDatabase(StorageProvider provider, string purpose)
    {
        CowHealthDb db = provider switch
        {
            StorageProvider.Postgres => new PostgresCowHealthDb(new DbContextOptionsBuilder<PostgresCowHealthDb>()
                .UseCowHealthPostgres(await postgres.CreateDatabaseAsync(purpose)).Options),
            _ => new SqliteCowHealthDb(new DbContextOptionsBuilder<SqliteCowHealthDb>()
                .UseCowHealthSqlite($"Data Source={Path.Combine(Path.GetTempPath(), $"cowhealth-{purpose}-{Guid.NewGuid():N}.db")}").Options),
        };
        await db.Database.MigrateAsync();
        return db;
    }
}
