namespace CowHealth.Storage.Sagas;

/// <summary>
/// Put on a message's send context by code that already holds an open transaction (the reading
/// ingestor): the saga repository then works inside that transaction instead of opening its own,
/// so readings, saga state and the alert events they cause are committed together or not at all.
/// </summary>
public sealed record AmbientDbContext(CowHealthDb Db);
