namespace CowHealth.Simulator.FakeApi;

/// <summary>Answer of <c>GET /api/clock</c>: where the simulation stands in simulated time.</summary>
/// <param name="Mode">RealTime, Accelerated or Backfill.</param>
/// <param name="ProducedThrough">Measured-at of the latest interval the broker has acknowledged; null before the first.</param>
/// <param name="NextInjectableAt">The earliest onset an injection may have now: the interval after those already generated.</param>
/// <param name="FirstReadingAt">Measured-at of the simulation's first reading.</param>
/// <param name="EndsBefore">A backfill's end (nothing at or after it is simulated); null for the other modes.</param>
/// <param name="SensorIntervalMinutes">Simulated minutes between two readings of a bolus.</param>
public sealed record SimulatedPresentView(
    string Mode,
    DateTimeOffset? ProducedThrough,
    DateTimeOffset NextInjectableAt,
    DateTimeOffset FirstReadingAt,
    DateTimeOffset? EndsBefore,
    double SensorIntervalMinutes);
