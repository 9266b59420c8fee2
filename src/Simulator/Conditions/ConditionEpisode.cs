using CowHealth.Contracts;

namespace CowHealth.Simulator.Conditions;

/// <summary>
/// Ground truth: one condition one cow had, from onset until it ended, and how strongly it showed
/// (<see cref="Severity"/>, in the unit <see cref="ConditionSeverity"/> gives the condition; null for
/// sensor trouble). Alerts are judged against these. For calving, <see cref="EndsAt"/> is the moment
/// of calving and the onset a day before it.
/// </summary>
public sealed record ConditionEpisode(
    Guid EpisodeId,
    string CowId,
    string FarmId,
    HealthCondition Condition,
    DateTimeOffset OnsetAt,
    DateTimeOffset EndsAt,
    ConditionOrigin Origin,
    double? Severity)
{
    public bool IsActiveAt(DateTimeOffset time) => OnsetAt <= time && time < EndsAt;

    public bool Overlaps(DateTimeOffset from, DateTimeOffset to) => OnsetAt < to && from < EndsAt;
}
