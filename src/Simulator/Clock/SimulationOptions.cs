using System.ComponentModel.DataAnnotations;

namespace CowHealth.Simulator.Clock;

/// <summary>The simulation's clock. Section <c>Simulation</c>.</summary>
public sealed class SimulationOptions
{
    public const string Section = "Simulation";

    /// <summary><c>RealTime</c>, <c>Accelerated</c> (default) or <c>Backfill</c>.</summary>
    public ClockMode Mode { get; set; } = ClockMode.Accelerated;

    /// <summary>
    /// Simulated time of the first reading. Default: now (real time), now minus
    /// <see cref="CatchUpDays"/> (accelerated), now minus <see cref="BackfillDays"/> (backfill).
    /// </summary>
    public DateTimeOffset? StartAt { get; set; }

    /// <summary>In accelerated mode, simulated minutes per real second. 10 gives one reading per cow each second.</summary>
    [Range(0.01, 100_000)]
    public double SimulatedMinutesPerSecond { get; set; } = 10;

    /// <summary>
    /// In accelerated mode without <see cref="StartAt"/>, how many days back the simulation starts. It
    /// runs at <see cref="SimulatedMinutesPerSecond"/> until it reaches the wall clock, then keeps pace
    /// with it: a reading is never sent before the time it was measured at.
    /// </summary>
    [Range(0.0, 3_650)]
    public double CatchUpDays { get; set; } = 2;

    /// <summary>In backfill mode, the days of history to generate.</summary>
    [Range(0.0, 3_650)]
    public double BackfillDays { get; set; } = 1;
}
