namespace CowHealth.Contracts;

/// <summary>The condition came back within its cool-down: the resolved alert is open again, with new evidence.</summary>
public sealed record AlertReopened(
    Guid AlertId,
    string CowId,
    string FarmId,
    HealthCondition Condition,
    AlertSeverity Severity,
    DateTimeOffset OccurredAt,
    AlertEvidence Evidence) : IAlertLifecycleEvent
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    Guid ICowMessage.CorrelationId => AlertId;
}
