namespace CowHealth.Contracts;

/// <summary>A person took the alert on.</summary>
public sealed record AlertAcknowledged(
    Guid AlertId,
    string CowId,
    string FarmId,
    HealthCondition Condition,
    AlertSeverity Severity,
    DateTimeOffset OccurredAt,
    string AcknowledgedBy,
    string? Note) : IAlertLifecycleEvent
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    Guid ICowMessage.CorrelationId => AlertId;
}
