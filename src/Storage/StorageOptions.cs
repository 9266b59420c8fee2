using System.ComponentModel.DataAnnotations;

namespace CowHealth.Storage;

/// <summary>Where CowHealth keeps its record. Section <c>Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary><c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>ADO.NET connection string for the provider. Default: a SQLite file in the working folder.</summary>
    [Required]
    public string ConnectionString { get; set; } = "Data Source=cowhealth.db";

    /// <summary>Apply pending migrations when the service starts. The Processor owns the schema and does this by default.</summary>
    public bool MigrateOnStart { get; set; }
}
