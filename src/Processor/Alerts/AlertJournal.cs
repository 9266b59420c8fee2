using System.Text.Json;
using CowHealth.Contracts;
using CowHealth.Storage;
using CowHealth.Storage.Alerts;
using Microsoft.EntityFrameworkCore;

namespace CowHealth.Processor.Alerts;

/// <summary>
/// Writes what a saga transition means for people: the alert as the Gateway shows it, and the
/// lifecycle event in the outbox. Both go through the saga's own context and transaction, so an
/// event exists exactly when the state change that caused it does.
/// </summary>
public sealed class AlertJournal(CowHealthDb db, TimeProvider clock)
{
    public async Task Raised(CowAlert saga, AlertEvidence evidence, CancellationToken cancellationToken)
    {
        var raised = new AlertRaised(saga.AlertId, saga.CowId, saga.FarmId, saga.Condition, saga.Severity, Utc(saga.RaisedAt), evidence);
        var existing = await db.Alerts.FindAsync([saga.AlertId], cancellationToken);
        if (existing is null)
        {
            db.Alerts.Add(new Alert
            {
                AlertId = saga.AlertId,
                CowId = saga.CowId,
                FarmId = saga.FarmId,
                Condition = saga.Condition,
                Severity = saga.Severity,
                Status = AlertStatus.Raised,
                RaisedAt = saga.RaisedAt,
                UpdatedAt = saga.RaisedAt,
                EvidenceJson = Json(evidence),
            });
        }

        Record(raised, raised.OccurredAt);
    }

    public async Task Reopened(CowAlert saga, DateTimeOffset at, AlertEvidence evidence, CancellationToken cancellationToken)
    {
        var alert = await Load(saga.AlertId, cancellationToken);
        alert.Status = AlertStatus.Raised;
        alert.Severity = saga.Severity;
        alert.ResolvedAt = null;
        alert.AcknowledgedAt = null;
        alert.AcknowledgedBy = null;
        alert.AcknowledgementNote = null;
        alert.ReopenCount++;
        alert.UpdatedAt = at.UtcDateTime;
        alert.EvidenceJson = Json(evidence);
        Record(new AlertReopened(saga.AlertId, saga.CowId, saga.FarmId, saga.Condition, saga.Severity, at, evidence), at);
    }

    public async Task Escalated(CowAlert saga, AlertSeverity previous, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var alert = await Load(saga.AlertId, cancellationToken);
        alert.Status = AlertStatus.Escalated;
        alert.Severity = saga.Severity;
        alert.EscalatedAt = at.UtcDateTime;
        alert.UpdatedAt = at.UtcDateTime;
        Record(new AlertEscalated(saga.AlertId, saga.CowId, saga.FarmId, saga.Condition, saga.Severity, previous, at), at);
    }

    public async Task Acknowledged(CowAlert saga, AcknowledgeAlert command, CancellationToken cancellationToken)
    {
        var alert = await Load(saga.AlertId, cancellationToken);
        alert.Status = AlertStatus.Acknowledged;
        alert.AcknowledgedAt = command.RequestedAt.UtcDateTime;
        alert.AcknowledgedBy = command.AcknowledgedBy;
        alert.AcknowledgementNote = command.Note;
        alert.UpdatedAt = command.RequestedAt.UtcDateTime;
        var acknowledged = new AlertAcknowledged(saga.AlertId, saga.CowId, saga.FarmId, saga.Condition, saga.Severity, command.RequestedAt,
            command.AcknowledgedBy, command.Note);
        Append(CowAlertIdentity.AnswerTo(command), saga.AlertId, saga.CowId, saga.FarmId, nameof(AlertAcknowledged), command.RequestedAt,
            JsonSerializer.Serialize(acknowledged, CowHealthJson.Default.AlertAcknowledged));
    }

    /// <summary>
    /// Whether this command was answered already (it is a redelivery): the answer's id comes from the
    /// command, so a second delivery finds the first one's answer and changes nothing.
    /// </summary>
    public Task<bool> HasAnswered(AcknowledgeAlert command, CancellationToken cancellationToken)
    {
        var answer = CowAlertIdentity.AnswerTo(command);
        return db.AlertEvents.Local.Any(e => e.EventId == answer)
            ? Task.FromResult(true)
            : db.AlertEvents.AnyAsync(e => e.EventId == answer, cancellationToken);
    }

    public async Task Resolved(CowAlert saga, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var alert = await Load(saga.AlertId, cancellationToken);
        alert.Status = AlertStatus.Resolved;
        alert.ResolvedAt = at.UtcDateTime;
        alert.UpdatedAt = at.UtcDateTime;
        Record(new AlertResolved(saga.AlertId, saga.CowId, saga.FarmId, saga.Condition, saga.Severity, at), at);
    }

    /// <summary>
    /// Answers an acknowledgement that cannot be honoured, once; <paramref name="farmId"/> is unknown
    /// when the alert is.
    /// </summary>
    public async Task Rejected(AcknowledgeAlert command, string farmId, string reason, CancellationToken cancellationToken)
    {
        if (await HasAnswered(command, cancellationToken))
        {
            return;
        }

        Append(CowAlertIdentity.AnswerTo(command), command.AlertId, command.CowId, farmId, nameof(AcknowledgementRejected), command.RequestedAt,
            JsonSerializer.Serialize(new AcknowledgementRejected(command.AlertId, command.CowId, command.AcknowledgedBy, reason, command.RequestedAt),
                CowHealthJson.Default.AcknowledgementRejected));
    }

    private void Record<TEvent>(TEvent lifecycleEvent, DateTimeOffset at)
        where TEvent : class, IAlertLifecycleEvent
    {
        Append(CowAlertIdentity.EventOf(lifecycleEvent.AlertId, typeof(TEvent).Name, at.UtcDateTime), lifecycleEvent.AlertId, lifecycleEvent.CowId,
            lifecycleEvent.FarmId, typeof(TEvent).Name, at, JsonSerializer.Serialize(lifecycleEvent, CowHealthJson.Default.GetTypeInfo(typeof(TEvent))!));
    }

    private void Append(Guid eventId, Guid alertId, string cowId, string farmId, string eventType, DateTimeOffset at, string payload)
    {
        db.AlertEvents.Add(new AlertEvent
        {
            EventId = eventId,
            AlertId = alertId,
            CowId = cowId,
            FarmId = farmId,
            EventType = eventType,
            OccurredAt = at.UtcDateTime,
            PayloadJson = payload,
            RecordedAt = clock.GetUtcNow().UtcDateTime,
        });
    }

    private async Task<Alert> Load(Guid alertId, CancellationToken cancellationToken) =>
        await db.Alerts.FindAsync([alertId], cancellationToken)
        ?? throw new InvalidOperationException($"Alert {alertId} has saga state but no alert row.");

    private static string Json(AlertEvidence evidence) => JsonSerializer.Serialize(evidence, CowHealthJson.Default.AlertEvidence);

    private static DateTimeOffset Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
