namespace CowHealth.KafkaRider.DeadLetters;

/// <summary>Which parked records a replay puts back; an unset criterion accepts every record.</summary>
/// <param name="ReasonContains">Part of the <c>dlq-reason</c> header, case ignored (e.g. <c>future_time</c> or <c>ahead of</c>).</param>
/// <param name="ParkedFrom">Parked at or after this time (the <c>dlq-time</c> header).</param>
/// <param name="ParkedBefore">Parked before this time.</param>
/// <param name="Key">The record's key exactly (for CowHealth's topics, a cow id).</param>
public sealed record DeadLetterFilter(string? ReasonContains = null, DateTimeOffset? ParkedFrom = null, DateTimeOffset? ParkedBefore = null, string? Key = null)
{
    public bool Accepts(string? key, string reason, DateTimeOffset? parkedAt) =>
        (ReasonContains is null || reason.Contains(ReasonContains, StringComparison.OrdinalIgnoreCase)) &&
        (ParkedFrom is null || parkedAt >= ParkedFrom) &&
        (ParkedBefore is null || parkedAt < ParkedBefore) &&
        (Key is null || key == Key);
}
