using CowHealth.Contracts;

namespace CowHealth.Simulator.Conditions;

/// <summary>
/// A spontaneous condition as the model finds it: times in UTC ticks, and the draw it came from
/// (<see cref="IdStep"/>, <see cref="IdChannel"/>), which also names it stably in ground truth, and
/// its severity (<see cref="ConditionSeverity"/>; NaN for a condition without one).
/// </summary>
internal readonly record struct EpisodeSpan(
    HealthCondition Condition, long OnsetTicks, long EndTicks, bool WithProdromalPeaks, long IdStep, int IdChannel, double Severity)
{
    public bool Overlaps(long fromTicks, long toTicks) => OnsetTicks < toTicks && fromTicks < EndTicks;
}
