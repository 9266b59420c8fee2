using CowHealth.Simulator.Herd;
using Microsoft.Extensions.Options;

namespace CowHealth.Simulator.Clock;

/// <summary>
/// The running simulation's schedule, fixed when the service starts, and how far the producer has
/// got through it. The Fake API reads the simulated present here; the lag metric is taken here.
/// </summary>
public sealed class SimulationClock
{
    private readonly TimeProvider _wallClock;
    private readonly TimeSpan _interval;
    private long _producedThroughTicks = long.MinValue;

    public SimulationClock(IOptions<SimulationOptions> options, HerdModel herd, TimeProvider wallClock)
    {
        _wallClock = wallClock;
        _interval = herd.SensorInterval;
        Schedule = SimulationSchedule.For(options.Value, herd.SensorInterval, wallClock.GetUtcNow());
    }

    public SimulationSchedule Schedule { get; }

    /// <summary>Measured-at time of the latest interval whose readings the broker has acknowledged; null before the first.</summary>
    public DateTimeOffset? ProducedThrough
    {
        get
        {
            var ticks = Interlocked.Read(ref _producedThroughTicks);
            return ticks == long.MinValue ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    public void MarkProduced(DateTimeOffset measuredAt)
    {
        long seen;
        do
        {
            seen = Interlocked.Read(ref _producedThroughTicks);
        }
        while (measuredAt.UtcTicks > seen && Interlocked.CompareExchange(ref _producedThroughTicks, measuredAt.UtcTicks, seen) != seen);
    }

    /// <summary>
    /// Simulated time that is due but not yet acknowledged by the broker: about zero when the
    /// producer keeps up, growing when it falls behind; during a backfill, what is left of it.
    /// </summary>
    public TimeSpan Lag()
    {
        var due = Schedule.DueThrough(_wallClock.GetUtcNow());
        var latestDue = Schedule.EndsBefore is { } end && due >= end ? end - _interval : due;
        var produced = ProducedThrough ?? Schedule.FirstReadingAt - _interval;
        var lag = new DateTimeOffset(latestDue.UtcTicks / _interval.Ticks * _interval.Ticks, TimeSpan.Zero) - produced;
        return lag > TimeSpan.Zero ? lag : TimeSpan.Zero;
    }
}
