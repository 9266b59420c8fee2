using CowHealth.Contracts;

namespace CowHealth.Simulator.FakeApi;

/// <summary>One poll of <c>GET /api/readings</c>.</summary>
/// <param name="Readings">Oldest first.</param>
/// <param name="Next">Pass this as <c>since</c> in the next poll.</param>
/// <param name="Missed">Readings after <c>since</c> that were no longer kept: the poller fell behind by this many.</param>
public sealed record ReadingsPage(IReadOnlyList<SensorReading> Readings, long Next, long Missed);
