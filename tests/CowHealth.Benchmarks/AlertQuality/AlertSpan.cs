using CowHealth.Contracts;

namespace CowHealth.Benchmarks.AlertQuality;

/// <summary>
/// One stretch of time an alert stood open on a cow, as the alert's lifecycle events tell it: from
/// its raise (or a re-open) to its resolution, or open when the run ended (<see cref="To"/> null),
/// with the action window its evidence gave (heat, calving).
/// </summary>
internal sealed record AlertSpan(string CowId, HealthCondition Condition, DateTimeOffset From, DateTimeOffset? To, ActionWindow? Action = null)
{
    public DateTimeOffset ToOr(DateTimeOffset runEnd) => To ?? runEnd;
}
