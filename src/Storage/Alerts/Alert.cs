using CowHealth.Contracts;

namespace CowHealth.Storage.Alerts;

/// <summary>
/// An alert as the Gateway serves it: the read side of the per-cow alert saga, written in the same
/// transaction as the saga's state. Times are event times (from readings) or when a person acted.
/// </summary>
public sealed class Alert
{
    public Guid AlertId { get; set; }

    public required string CowId { get; set; }

    public required string FarmId { get; set; }

    public HealthCondition Condition { get; set; }

    public AlertSeverity Severity { get; set; }

    public AlertStatus Status { get; set; }

    public DateTime RaisedAt { get; set; }

    /// <summary>Event time of the latest step in the alert's life.</summary>
    public DateTime UpdatedAt { get; set; }

    public DateTime? EscalatedAt { get; set; }

    public DateTime? AcknowledgedAt { get; set; }

    public string? AcknowledgedBy { get; set; }

    public string? AcknowledgementNote { get; set; }

    public DateTime? ResolvedAt { get; set; }

    /// <summary>How often the condition came back within its cool-down and re-opened this alert.</summary>
    public int ReopenCount { get; set; }

    /// <summary>The evidence that raised (or last re-opened) the alert, as JSON (<see cref="AlertEvidence"/>).</summary>
    public required string EvidenceJson { get; set; }
}
