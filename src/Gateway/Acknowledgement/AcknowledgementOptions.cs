using System.ComponentModel.DataAnnotations;

namespace CowHealth.Gateway.Acknowledgement;

/// <summary>How the Gateway hands acknowledgements to Kafka. Section <c>Gateway:Acknowledgement</c>.</summary>
public sealed class AcknowledgementOptions
{
    public const string Section = "Gateway:Acknowledgement";

    /// <summary>
    /// How long a request waits for Kafka to confirm the command before answering 503. The command may
    /// still arrive later; sending it again is harmless. Default 10 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
