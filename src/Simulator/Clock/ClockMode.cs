namespace CowHealth.Simulator.Clock;

/// <summary>How simulated time relates to the wall clock.</summary>
public enum ClockMode
{
    /// <summary>One reading per cow per interval, as real boluses send.</summary>
    RealTime,

    /// <summary>One real second is <see cref="SimulationOptions.SimulatedMinutesPerSecond"/> simulated minutes.</summary>
    Accelerated,

    /// <summary>Generate <see cref="SimulationOptions.BackfillDays"/> days of history as fast as Kafka takes it, then stop.</summary>
    Backfill,
}
