namespace CowHealth.Storage.Alerts;

/// <summary>Where an alert is in its life, as farm staff see it.</summary>
public enum AlertStatus
{
    Raised,
    Escalated,
    Acknowledged,
    Resolved,
}
