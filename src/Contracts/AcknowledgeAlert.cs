namespace CowHealth.Contracts;

/// <summary>A person asks to take an alert on; sent by the Gateway on <see cref="Topics.Commands"/>.</summary>
/// <param name="AcknowledgedBy">Who takes it on, as they want to appear in the alert's history.</param>
/// <param name="Note">Free text for the next person, e.g. "vet called, treating for mastitis".</param>
/// <param name="RequestedAt">When the person asked (wall clock of the Gateway).</param>
public sealed record AcknowledgeAlert(
    Guid AlertId,
    string CowId,
    string AcknowledgedBy,
    string? Note,
    DateTimeOffset RequestedAt) : ICowMessage
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>
    /// Identifies this request. A redelivery of the command carries the same id, so its answer (the
    /// acknowledgement or the rejection) is given once however often it arrives. Empty in commands
    /// sent before it existed: the answer is then identified by the alert, the person and the time asked.
    /// </summary>
    public Guid AcknowledgementId { get; init; }

    Guid ICowMessage.CorrelationId => AlertId;
}
