namespace CowHealth.Simulator.Clock;

/// <summary>
/// Which readings are due when: the simulation clock as a pure function of the wall clock.
/// In no mode does a reading become due before the wall clock has passed its measured-at time,
/// because a real bolus cannot report the future and the Processor rejects readings from it.
/// </summary>
/// <param name="Mode">How simulated time relates to the wall clock.</param>
/// <param name="FirstReadingAt">Measured-at time of the first interval, aligned to the sensor interval.</param>
/// <param name="EndsBefore">Backfill only: no reading at or after this time.</param>
/// <param name="WallStart">Wall-clock time at which the simulation started.</param>
/// <param name="SimulatedMinutesPerSecond">Accelerated mode's speed while it catches up.</param>
public sealed record SimulationSchedule(
    ClockMode Mode,
    DateTimeOffset FirstReadingAt,
    DateTimeOffset? EndsBefore,
    DateTimeOffset WallStart,
    double SimulatedMinutesPerSecond)
{
    /// <summary>Lays out the simulation for <paramref name="options"/> starting at wall time <paramref name="wallNow"/>.</summary>
    public static SimulationSchedule For(SimulationOptions options, TimeSpan sensorInterval, DateTimeOffset wallNow)
    {
        var interval = sensorInterval.Ticks;
        DateTimeOffset Up(DateTimeOffset t) => new((t.UtcTicks + interval - 1) / interval * interval, TimeSpan.Zero);
        DateTimeOffset Down(DateTimeOffset t) => new(t.UtcTicks / interval * interval, TimeSpan.Zero);

        switch (options.Mode)
        {
            case ClockMode.Backfill:
                var days = TimeSpan.FromDays(options.BackfillDays);
                var start = options.StartAt is { } at ? Up(at) : Down(wallNow - days);
                // History only: a backfill that would reach past now stops at now.
                var end = start + days > wallNow ? Down(wallNow) + sensorInterval : start + days;
                return new SimulationSchedule(ClockMode.Backfill, start, end < start ? start : end, wallNow, options.SimulatedMinutesPerSecond);

            case ClockMode.Accelerated:
                return new SimulationSchedule(
                    ClockMode.Accelerated,
                    options.StartAt is { } from ? Up(from) : Down(wallNow - TimeSpan.FromDays(options.CatchUpDays)),
                    null,
                    wallNow,
                    options.SimulatedMinutesPerSecond);

            default:
                return new SimulationSchedule(ClockMode.RealTime, Up(options.StartAt ?? wallNow), null, wallNow, options.SimulatedMinutesPerSecond);
        }
    }

    /// <summary>Whether the simulation generates an interval measured at <paramref name="measuredAt"/>.</summary>
    public bool Covers(DateTimeOffset measuredAt) => measuredAt >= FirstReadingAt && (EndsBefore is null || measuredAt < EndsBefore);

    /// <summary>Wall-clock time at which the interval measured at <paramref name="measuredAt"/> may be sent.</summary>
    public DateTimeOffset WallTimeWhenDue(DateTimeOffset measuredAt) => Mode switch
    {
        ClockMode.Backfill => WallStart,
        ClockMode.Accelerated => Max(
            measuredAt,
            WallStart + TimeSpan.FromSeconds((measuredAt - FirstReadingAt).TotalMinutes / SimulatedMinutesPerSecond)),
        _ => measuredAt,
    };

    /// <summary>Latest simulated time whose readings are due at wall time <paramref name="wallNow"/>.</summary>
    public DateTimeOffset DueThrough(DateTimeOffset wallNow) => Mode switch
    {
        ClockMode.Backfill => EndsBefore!.Value,
        ClockMode.Accelerated => Min(
            wallNow,
            FirstReadingAt + TimeSpan.FromMinutes((wallNow - WallStart).TotalSeconds * SimulatedMinutesPerSecond)),
        _ => wallNow,
    };

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
