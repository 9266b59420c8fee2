using CowHealth.Storage;
using CowHealth.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CowHealth.Tests.Storage;

/// <summary>Every migration applies to an empty database and, step by step, to the schema before it, keeping the data.</summary>
[Collection(PostgresCollection.Name)]
public sealed class Migrations_Specs(ThrowawayPostgres postgres)
{
    private readonly StorageProviders _providers = new(postgres);

    [Theory]
    [MemberData(nameof(StorageProviders.Both), MemberType = typeof(StorageProviders))]
    public async Task Each_migration_applies_on_top_of_the_previous_schema_and_readings_stored_before_survive(StorageProvider provider)
    {
        await using var db = await _providers.Unmigrated(provider, "migrations");
        var migrations = db.Database.GetMigrations().ToList();
        Assert.True(migrations.Count >= 2, "there is a previous schema to upgrade from");
        var migrator = db.GetService<IMigrator>();

        await migrator.MigrateAsync(migrations[0]);
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO readings (cow_id, measured_at, reading_id, farm_id, sensor_id, rumen_temperature_celsius, activity_index, rumination_minutes, stored_at) " +
            "VALUES ('cow-1', '2026-01-01 00:00:00', '7d9f1a52-3a3b-4e55-9a51-7c6a8e1f2b3c', 'F01', 'S1', 39.1, 1.0, 4.0, '2026-01-01 00:00:01')");
        foreach (var migration in migrations.Skip(1))
        {
            await migrator.MigrateAsync(migration);
        }

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(1, await db.Readings.CountAsync());
        Assert.Equal(0, await db.Alerts.CountAsync());
    }

    [Theory]
    [MemberData(nameof(StorageProviders.Both), MemberType = typeof(StorageProviders))]
    public async Task The_model_has_no_changes_a_migration_does_not_cover(StorageProvider provider)
    {
        await using var db = await _providers.Unmigrated(provider, "migrations");

        Assert.False(db.Database.HasPendingModelChanges(), "run `dotnet ef migrations add` for both providers");
    }
}
