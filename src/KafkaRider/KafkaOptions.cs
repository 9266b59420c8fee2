using System.ComponentModel.DataAnnotations;

namespace CowHealth.KafkaRider;

/// <summary>How a service reaches Kafka and how the rider paces itself. Section <c>Kafka</c>.</summary>
public sealed class KafkaOptions
{
    public const string Section = "Kafka";

    /// <summary>Comma-separated <c>host:port</c> list. Default: the embedded broker's fixed address.</summary>
    [Required]
    public string BootstrapServers { get; set; } = "127.0.0.1:9092";

    /// <summary>Names this service in broker logs and client metrics.</summary>
    [Required]
    public string ClientId { get; set; } = "cowhealth";

    /// <summary>How often consumers commit the offsets of handled messages. Default 1 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan CommitInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long in-flight messages may take to finish when partitions are revoked or the service
    /// stops. Work still running after that is cancelled and, uncommitted, delivered again. Default 30 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long the group waits for a silent member before giving its partitions to others
    /// (<c>session.timeout.ms</c>). Default 45 s, as in Kafka. The embedded broker completes a
    /// rebalance only when the old membership's session ends, so tests with several members use a short one.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00")]
    public TimeSpan SessionTimeout { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>
    /// How much a consumer fetches ahead per partition queue (<c>queued.max.messages.kbytes</c>): more
    /// smooths throughput, less bounds memory. Default 65,536 (librdkafka's own default).
    /// </summary>
    [Range(1, 2_097_151)]
    public int ConsumerPrefetchKilobytes { get; set; } = 65_536;

    /// <summary>
    /// How long a fetch may wait at the broker for new records (<c>fetch.wait.max.ms</c>). Kafka answers as
    /// soon as records arrive; the embedded broker answers only when the wait is over, so this bounds
    /// how long a fresh record can sit there unseen. Default 50 ms (librdkafka's own is 500).
    /// </summary>
    [Range(1, 10_000)]
    public int ConsumerFetchWaitMilliseconds { get; set; } = 50;

    /// <summary>Producer batching delay (<c>linger.ms</c>): a little latency buys much larger batches. Default 5 ms.</summary>
    [Range(0, 1_000)]
    public int ProducerLingerMilliseconds { get; set; } = 5;

    /// <summary>
    /// The first pause after a transient failure (the database or broker away, a time-out): the
    /// partition holds and tries again, the pause doubling up to <see cref="TransientRetryMax"/>. Default 100 ms.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan TransientRetryFirst { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest pause between two tries of a partition held by a transient failure. Default 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan TransientRetryMax { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Records waiting this long without their partition moving on make it stalled: readiness turns
    /// Unhealthy while it is failing, Degraded while it is only slow. Default 30 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan StalledAfter { get; set; } = TimeSpan.FromSeconds(30);
}
