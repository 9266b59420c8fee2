namespace CowHealth.Storage;

/// <summary>Which database holds the record.</summary>
public enum StorageProvider
{
    /// <summary>A single file; the embedded default for trying CowHealth on one machine.</summary>
    Sqlite,

    /// <summary>PostgreSQL: what a farm runs in production.</summary>
    Postgres,
}
