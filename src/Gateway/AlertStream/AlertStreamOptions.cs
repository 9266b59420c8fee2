using System.ComponentModel.DataAnnotations;

namespace CowHealth.Gateway.AlertStream;

/// <summary>How the live alert stream behaves. Section <c>Gateway:AlertStream</c>.</summary>
public sealed class AlertStreamOptions
{
    public const string Section = "Gateway:AlertStream";

    /// <summary>
    /// Streams open at once, over all clients. Each holds its own Kafka consumer (a few threads and up
    /// to a megabyte of fetched records), so this bounds what the streams can cost. Default 50.
    /// </summary>
    [Range(1, 10_000)]
    public int MaxStreams { get; set; } = 50;

    /// <summary>
    /// After this long without an event a stream sends a heartbeat, so that proxies and load balancers
    /// keep an idle connection open and a client notices a dead one. Default 15 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);
}
