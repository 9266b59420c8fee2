using System.ComponentModel.DataAnnotations;

namespace CowHealth.Gateway.AlertStream;

/// <summary>How the live alert stream behaves. Section <c>Gateway:AlertStream</c>.</summary>
public sealed class AlertStreamOptions
{
    public const string Section = "Gateway:AlertStream";

    /// <summary>
    /// Streams open at once, over all clients. Streams share one Kafka reader (<see cref="AlertFeed"/>);
    /// what one costs is its connection and a queue of references to shared records (a few kilobytes,
    /// measured in docs/gateway.md), so this is a memory budget: about 32 KB a stream, client and server
    /// sides together, in SharedAlertFeed_Specs; 5,000 streams stay under 160 MB.
    /// Default 5,000.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxStreams { get; set; } = 5_000;

    /// <summary>
    /// Streams one client may hold at once: an API client or signed-in key by its name, anyone else by
    /// address (several phones behind one farm router share one). Default 100.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxStreamsPerClient { get; set; } = 100;

    /// <summary>
    /// Streams at once that resume from further back than the shared feed keeps: each holds a Kafka
    /// consumer of its own (a few threads, up to a megabyte fetched ahead) for as long as it is open.
    /// Default 50.
    /// </summary>
    [Range(1, 10_000)]
    public int MaxCatchUpStreams { get; set; } = 50;

    /// <summary>
    /// Recent alert events the shared feed keeps in memory, so that a client that reconnects with
    /// <c>Last-Event-ID</c> resumes from them without a reader of its own. Default 16 MB (tens of
    /// thousands of events).
    /// </summary>
    [Range(1, 4096)]
    public int ReplayBufferMegabytes { get; set; } = 16;

    /// <summary>
    /// Events waiting for one slow client at most. A client further behind is disconnected, and
    /// resumes exactly where it was when it reconnects with its last id. Default 10,000.
    /// </summary>
    [Range(10, 1_000_000)]
    public int ClientQueueLength { get; set; } = 10_000;

    /// <summary>
    /// After this long without an event a stream sends a heartbeat, so that proxies and load balancers
    /// keep an idle connection open and a client notices a dead one. Default 15 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);
}
