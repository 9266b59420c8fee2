namespace CowHealth.Contracts;

/// <summary>A condition was detected on a cow and a person should look at it.</summary>
public sealed record AlertRaised(
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
