namespace CowHealth.Contracts;

/// <summary>Nobody acknowledged the alert within its severity's deadline; <see cref="Severity"/> is the raised level.</summary>
public sealed record AlertEscalated(
    Guid AlertId,
    string CowId,
    string FarmId,
    HealthCondition Condition,
    AlertSeverity Severity,
    AlertSeverity PreviousSeverity,
    DateTimeOffset OccurredAt) : IAlertLifecycleEvent
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    Guid ICowMessage.CorrelationId => AlertId;
}
