using CowHealth.Storage.Alerts;
using CowHealth.Storage.Connector;
using CowHealth.Storage.Detection;
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

    public DbSet<Alert> Alerts => Set<Alert>();

    public DbSet<AlertEvent> AlertEvents => Set<AlertEvent>();

    public DbSet<CowAlert> CowAlerts => Set<CowAlert>();

    public DbSet<CowDetectionState> DetectionStates => Set<CowDetectionState>();

    public DbSet<ReadingsPartitionHolder> ReadingsPartitionHolders => Set<ReadingsPartitionHolder>();

    public DbSet<VendorPosition> VendorPositions => Set<VendorPosition>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Cow>(cow =>
        {
            cow.HasKey(c => c.CowId);
            cow.Property(c => c.CowId).HasMaxLength(StorageLimits.IdLength);
            cow.Property(c => c.FarmId).HasMaxLength(StorageLimits.IdLength);
            cow.Property(c => c.SensorId).HasMaxLength(StorageLimits.IdLength);
            cow.HasIndex(c => new { c.FarmId, c.CowId });
            cow.HasIndex(c => c.ReadingsPartition);
        });

        modelBuilder.Entity<Reading>(reading =>
        {
            reading.HasKey(r => new { r.CowId, r.MeasuredAt });
            reading.Property(r => r.CowId).HasMaxLength(StorageLimits.IdLength);
            reading.Property(r => r.FarmId).HasMaxLength(StorageLimits.IdLength);
            reading.Property(r => r.SensorId).HasMaxLength(StorageLimits.IdLength);
        });

        modelBuilder.Entity<Alert>(alert =>
        {
            alert.HasKey(a => a.AlertId);
            alert.Property(a => a.CowId).HasMaxLength(StorageLimits.IdLength);
            alert.Property(a => a.FarmId).HasMaxLength(StorageLimits.IdLength);
            alert.Property(a => a.Condition).HasConversion<string>().HasMaxLength(StorageLimits.NameLength);
            alert.Property(a => a.Severity).HasConversion<string>().HasMaxLength(StorageLimits.NameLength);
            alert.Property(a => a.Status).HasConversion<string>().HasMaxLength(StorageLimits.NameLength);
            alert.Property(a => a.AcknowledgedBy).HasMaxLength(StorageLimits.PersonLength);
            alert.Property(a => a.AcknowledgementNote).HasMaxLength(StorageLimits.NoteLength);
            alert.HasIndex(a => new { a.FarmId, a.Status, a.RaisedAt });
            alert.HasIndex(a => new { a.CowId, a.Status });
            alert.HasIndex(a => new { a.Status, a.RaisedAt });
            // The Gateway's alert listing: newest raised first, ties by cow and condition (which make an alert unique).
            alert.HasIndex(a => new { a.RaisedAt, a.CowId, a.Condition });
            // Open alerts are few and read on every herd view (health states, counts, the summary): partial indexes hold only them.
            alert.HasIndex(a => new { a.CowId, a.Severity }).HasFilter("status <> 'Resolved'").HasDatabaseName("ix_alerts_open_by_cow");
            alert.HasIndex(a => new { a.FarmId, a.Condition, a.Severity }).HasFilter("status <> 'Resolved'").HasDatabaseName("ix_alerts_open_by_farm");
        });

        modelBuilder.Entity<AlertEvent>(alertEvent =>
        {
            alertEvent.HasKey(e => e.Position);
            alertEvent.Property(e => e.Position).ValueGeneratedOnAdd();
            alertEvent.HasIndex(e => e.EventId).IsUnique();
            alertEvent.HasIndex(e => new { e.AlertId, e.Position });
            // The relay's query: the unpublished rows, oldest first. A partial index keeps it small.
            alertEvent.HasIndex(e => e.Position).HasFilter("published_at IS NULL").HasDatabaseName("ix_alert_events_unpublished");
            alertEvent.Property(e => e.CowId).HasMaxLength(StorageLimits.IdLength);
            alertEvent.Property(e => e.FarmId).HasMaxLength(StorageLimits.IdLength);
            alertEvent.Property(e => e.EventType).HasMaxLength(StorageLimits.NameLength);
        });

        modelBuilder.Entity<CowAlert>(saga =>
        {
            saga.HasKey(s => s.CorrelationId);
            saga.Property(s => s.Version).IsConcurrencyToken();
            saga.Property(s => s.CurrentState).HasMaxLength(StorageLimits.NameLength);
            saga.Property(s => s.CowId).HasMaxLength(StorageLimits.IdLength);
            saga.Property(s => s.FarmId).HasMaxLength(StorageLimits.IdLength);
            saga.Property(s => s.Condition).HasConversion<string>().HasMaxLength(StorageLimits.NameLength);
            saga.Property(s => s.Severity).HasConversion<string>().HasMaxLength(StorageLimits.NameLength);
            saga.HasIndex(s => s.AlertId);
            saga.HasIndex(s => new { s.FarmId, s.EscalateAt });
            // The Processor reads a cow's (or a partition's) escalation deadlines; only open alerts have one.
            saga.HasIndex(s => s.CowId).HasDatabaseName("ix_cow_alerts_cow_id_escalating").HasFilter("escalate_at IS NOT NULL");
        });

        modelBuilder.Entity<CowDetectionState>(state =>
        {
            state.HasKey(s => s.CowId);
            state.Property(s => s.CowId).HasMaxLength(StorageLimits.IdLength);
        });

        modelBuilder.Entity<ReadingsPartitionHolder>(holder =>
        {
            holder.HasKey(h => h.Partition);
            holder.Property(h => h.Partition).ValueGeneratedNever();
        });

        modelBuilder.Entity<VendorPosition>(position =>
        {
            position.HasKey(p => p.Account);
            position.Property(p => p.Account).HasMaxLength(StorageLimits.IdLength);
        });
    }
}
