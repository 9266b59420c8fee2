namespace CowHealth.Gateway.Acknowledgement;

/// <summary>
/// The answer to an acknowledgement: the command is on its way to the alert's saga. The alert's
/// status turns <c>Acknowledged</c> once the Processor has handled it; the live stream shows it then.
/// </summary>
public sealed record AcknowledgementAccepted(Guid AlertId, string CowId, string AcknowledgedBy, string? Note, DateTimeOffset RequestedAt);
