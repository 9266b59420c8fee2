namespace CowHealth.Simulator.Herd;

/// <summary>
/// When a cow calves: once every <see cref="Interval"/>, counted from an anchor calving. A fixed
/// interval per cow keeps "which cycle is this?" a division rather than a walk through history.
/// </summary>
/// <param name="AnchorCalvingAt">One of her calvings; all others are whole intervals away.</param>
/// <param name="Interval">Her calving interval, typically 13 months.</param>
public sealed record CalvingCycle(DateTimeOffset AnchorCalvingAt, TimeSpan Interval)
{
    /// <summary>Cycle n runs from calving n (inclusive) to calving n + 1.</summary>
    public long CycleOf(DateTimeOffset at) => FloorDiv(at.UtcTicks - AnchorCalvingAt.UtcTicks, Interval.Ticks);

    public DateTimeOffset CalvingAt(long cycle) => AnchorCalvingAt + TimeSpan.FromTicks(cycle * Interval.Ticks);

    private static long FloorDiv(long a, long b) => (a / b) - (a % b < 0 ? 1 : 0);
}
