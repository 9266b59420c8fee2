namespace CowHealth.Gateway.Acknowledgement;

/// <summary>The body of <c>POST /api/alerts/{alertId}/acknowledge</c>.</summary>
/// <param name="AcknowledgedBy">Who takes the alert on, as they want to appear in its history (required, at most 200 characters).</param>
/// <param name="Note">Free text for the next person, e.g. "vet called, treating for mastitis" (at most 2,000 characters).</param>
public sealed record AcknowledgementRequest(string? AcknowledgedBy, string? Note);
