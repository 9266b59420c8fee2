using System.ComponentModel.DataAnnotations;

namespace CowHealth.LocalRun;

/// <summary>How the one-command local run lays itself out. Section <c>LocalRun</c>.</summary>
public sealed class LocalRunOptions
{
    public const string Section = "LocalRun";

    /// <summary>Port of the embedded Kafka broker; 0 for an ephemeral one. Ignored when <c>Kafka:BootstrapServers</c> names a real Kafka.</summary>
    [Range(0, 65535)]
    public int KafkaPort { get; set; } = 9092;

    /// <summary>Partitions of <c>cow-health-data</c> on the embedded broker.</summary>
    [Range(1, 1_000)]
    public int ReadingsPartitions { get; set; } = 12;

    /// <summary>Where the Gateway (REST API, API reference) listens.</summary>
    [Required]
    public string GatewayUrl { get; set; } = "http://localhost:8080";

    /// <summary>Where the Processor's health and metrics listen.</summary>
    [Required]
    public string ProcessorUrl { get; set; } = "http://localhost:8081";

    /// <summary>Where the Simulator's Fake API, health and metrics listen.</summary>
    [Required]
    public string SimulatorUrl { get; set; } = "http://localhost:8082";

    /// <summary>
    /// Readings take the way a vendor's cloud gives them: the Simulator serves its Fake API only and a
    /// Connector polls it into Kafka (Simulator → Connector → Kafka → Processor → Gateway). Default
    /// false: the Simulator produces to Kafka itself.
    /// </summary>
    public bool ThroughConnector { get; set; }

    /// <summary>Where the Connector's health and metrics listen, when <see cref="ThroughConnector"/> is on.</summary>
    [Required]
    public string ConnectorUrl { get; set; } = "http://localhost:8083";
}
