using System.ComponentModel.DataAnnotations;

namespace CowHealth.Simulator.FakeApi;

/// <summary>The Fake API. Section <c>FakeApi</c>.</summary>
public sealed class FakeApiOptions
{
    public const string Section = "FakeApi";

    /// <summary>
    /// Readings kept for <c>GET /api/readings</c>, newest first out of the window. A poller that
    /// falls further behind is told how many it missed; memory stays bounded whatever the herd.
    /// </summary>
    [Range(1, 10_000_000)]
    public int RecentReadingsKept { get; set; } = 10_000;

    /// <summary>
    /// Serve the readings through <c>GET /api/readings</c> only, without producing them to Kafka: a
    /// Connector polls them in, as it would a bolus vendor's cloud. Default false (the Simulator produces).
    /// </summary>
    public bool ServeOnly { get; set; }
}
