using System.ComponentModel.DataAnnotations;

namespace CowHealth.KafkaRider;

/// <summary>How a service reaches Kafka. Section <c>Kafka</c>.</summary>
public sealed class KafkaOptions
{
    public const string Section = "Kafka";

    /// <summary>Comma-separated <c>host:port</c> list. Default: the embedded broker's fixed address.</summary>
    [Required]
    public string BootstrapServers { get; set; } = "127.0.0.1:9092";

    /// <summary>Names this service in broker logs and client metrics.</summary>
    [Required]
    public string ClientId { get; set; } = "cowhealth";
}
