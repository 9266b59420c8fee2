namespace CowHealth.Contracts;

/// <summary>
/// The answer to an <see cref="AcknowledgeAlert"/> that could not be honoured: the alert is unknown
/// or already resolved. Published on <see cref="Topics.Alerts"/> so the person who asked hears back.
/// </summary>
public sealed record AcknowledgementRejected(
    Guid AlertId,
    string CowId,
    string AcknowledgedBy,
    string Reason,
    DateTimeOffset OccurredAt) : ICowMessage
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    Guid ICowMessage.CorrelationId => AlertId;
}
