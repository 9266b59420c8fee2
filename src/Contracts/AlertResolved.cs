namespace CowHealth.Contracts;

/// <summary>The condition stayed clear for its clearing window; the alert is closed.</summary>
public sealed record AlertResolved(
    Guid AlertId,
    string CowId,
    string FarmId,
    HealthCondition Condition,
    AlertSeverity Severity,
    DateTimeOffset OccurredAt) : IAlertLifecycleEvent
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    Guid ICowMessage.CorrelationId => AlertId;
}
