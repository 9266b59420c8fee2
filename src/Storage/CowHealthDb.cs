using Microsoft.EntityFrameworkCore;

namespace CowHealth.Storage;

/// <summary>
/// The system of record. The model is shared; each provider has its own subclass only so that it
/// can carry its own migrations (<see cref="PostgresCowHealthDb"/>, <see cref="SqliteCowHealthDb"/>).
/// </summary>
public abstract class CowHealthDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<Cow> Cows => Set<Cow>();

    public DbSet<Reading> Readings => Set<Reading>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Cow>(cow =>
        {
            cow.HasKey(c => c.CowId);
            cow.Property(c => c.CowId).HasMaxLength(StorageLimits.IdLength);
            cow.Property(c => c.FarmId).HasMaxLength(StorageLimits.IdLength);
            cow.Property(c => c.SensorId).HasMaxLength(StorageLimits.IdLength);
            cow.HasIndex(c => new { c.FarmId, c.CowId });
        });

        modelBuilder.Entity<Reading>(reading =>
        {
            reading.HasKey(r => new { r.CowId, r.MeasuredAt });
            reading.Property(r => r.CowId).HasMaxLength(StorageLimits.IdLength);
            reading.Property(r => r.FarmId).HasMaxLength(StorageLimits.IdLength);
            reading.Property(r => r.SensorId).HasMaxLength(StorageLimits.IdLength);
        });
    }
}
