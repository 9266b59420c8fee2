using CowHealth.Contracts;

namespace CowHealth.Connector.Polling;

/// <summary>One answer of the vendor's <c>GET /api/readings</c> (the Simulator's Fake API has this shape).</summary>
/// <param name="Readings">Oldest first.</param>
/// <param name="Next">The cursor to pass as <c>since</c> in the next poll.</param>
/// <param name="Missed">Readings after <c>since</c> the vendor no longer had: lost to us for good.</param>
public sealed record VendorPage(IReadOnlyList<SensorReading> Readings, long Next, long Missed);
