using System.Text.Json;
using CowHealth.Contracts;
using CowHealth.Storage.Alerts;

namespace CowHealth.Gateway.Alerts;

/// <summary>
/// One step in an alert's life, as recorded in <c>alert_events</c> (the same events that go to
/// <c>cow-health-alerts</c>). Fields that a step does not have are null.
/// </summary>
/// <param name="EventType">AlertRaised, AlertEscalated, AlertAcknowledged, AlertResolved, AlertReopened, or AcknowledgementRejected.</param>
/// <param name="OccurredAt">Event time: when the readings said so, or when the person acted.</param>
/// <param name="RecordedAt">When the Processor recorded it.</param>
/// <param name="Severity">The alert's severity after this step.</param>
/// <param name="PreviousSeverity">For an escalation, the severity before it.</param>
/// <param name="Person">Who acknowledged (or tried to).</param>
/// <param name="Note">The acknowledgement's note.</param>
/// <param name="Reason">Why an acknowledgement was rejected.</param>
/// <param name="Evidence">What raised or re-opened the alert.</param>
public sealed record AlertHistoryEntry(
    string EventType,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    AlertSeverity? Severity,
    AlertSeverity? PreviousSeverity,
    string? Person,
    string? Note,
    string? Reason,
    AlertEvidence? Evidence)
{
    public static AlertHistoryEntry From(AlertEvent recorded)
    {
        var entry = new AlertHistoryEntry(recorded.EventType, AlertView.Utc(recorded.OccurredAt), AlertView.Utc(recorded.RecordedAt),
            null, null, null, null, null, null);
        var json = CowHealthJson.Default;
        try
        {
            return recorded.EventType switch
            {
                nameof(AlertRaised) when JsonSerializer.Deserialize(recorded.PayloadJson, json.AlertRaised) is { } e =>
                    entry with { Severity = e.Severity, Evidence = e.Evidence },
                nameof(AlertReopened) when JsonSerializer.Deserialize(recorded.PayloadJson, json.AlertReopened) is { } e =>
                    entry with { Severity = e.Severity, Evidence = e.Evidence },
                nameof(AlertEscalated) when JsonSerializer.Deserialize(recorded.PayloadJson, json.AlertEscalated) is { } e =>
                    entry with { Severity = e.Severity, PreviousSeverity = e.PreviousSeverity },
                nameof(AlertAcknowledged) when JsonSerializer.Deserialize(recorded.PayloadJson, json.AlertAcknowledged) is { } e =>
                    entry with { Severity = e.Severity, Person = e.AcknowledgedBy, Note = e.Note },
                nameof(AlertResolved) when JsonSerializer.Deserialize(recorded.PayloadJson, json.AlertResolved) is { } e =>
                    entry with { Severity = e.Severity },
                nameof(AcknowledgementRejected) when JsonSerializer.Deserialize(recorded.PayloadJson, json.AcknowledgementRejected) is { } e =>
                    entry with { Person = e.AcknowledgedBy, Reason = e.Reason },
                _ => entry,
            };
        }
        catch (JsonException)
        {
            // A payload of a newer schema than this Gateway knows: the step still shows, with what every step has.
            return entry;
        }
    }
}
