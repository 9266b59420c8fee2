namespace CowHealth.Contracts;

/// <summary>
/// One step in an alert's life, published on <see cref="Topics.Alerts"/>. Times are event times:
/// when the readings said so, or when the person acted.
/// </summary>
public interface IAlertLifecycleEvent : ICowMessage
{
    Guid AlertId { get; }

    string FarmId { get; }

    HealthCondition Condition { get; }

    AlertSeverity Severity { get; }

    DateTimeOffset OccurredAt { get; }
}
