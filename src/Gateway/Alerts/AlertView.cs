using System.Text.Json;
using CowHealth.Contracts;
using CowHealth.Storage.Alerts;

namespace CowHealth.Gateway.Alerts;

/// <summary>An alert as farm staff see it. Times are event times (from readings) or when a person acted.</summary>
/// <param name="Evidence">Why it was raised (or last re-opened).</param>
public sealed record AlertView(
    Guid AlertId,
    string CowId,
    string FarmId,
    HealthCondition Condition,
    AlertSeverity Severity,
    AlertStatus Status,
    DateTimeOffset RaisedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? EscalatedAt,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    string? AcknowledgementNote,
    DateTimeOffset? ResolvedAt,
    int ReopenCount,
    AlertEvidence? Evidence)
{
    public static AlertView From(Alert alert) => new(
        alert.AlertId,
        alert.CowId,
        alert.FarmId,
        alert.Condition,
        alert.Severity,
        alert.Status,
        Utc(alert.RaisedAt),
        Utc(alert.UpdatedAt),
        Utc(alert.EscalatedAt),
        Utc(alert.AcknowledgedAt),
        alert.AcknowledgedBy,
        alert.AcknowledgementNote,
        Utc(alert.ResolvedAt),
        alert.ReopenCount,
        EvidenceOf(alert.EvidenceJson));

    internal static AlertEvidence? EvidenceOf(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, CowHealthJson.Default.AlertEvidence);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal static DateTimeOffset Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    private static DateTimeOffset? Utc(DateTime? utc) => utc is { } value ? Utc(value) : null;
}
