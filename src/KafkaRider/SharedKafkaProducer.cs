using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CowHealth.KafkaRider;

/// <summary>
/// One librdkafka producer per process: it batches across topics and keeps a single idempotent
/// session, so typed producers share it rather than opening their own connections.
/// </summary>
public sealed class SharedKafkaProducer : IDisposable
{
    private static readonly TimeSpan FlushOnShutdown = TimeSpan.FromSeconds(10);

    private readonly ILogger<SharedKafkaProducer> _logger;

    public SharedKafkaProducer(IOptions<KafkaOptions> options, ILogger<SharedKafkaProducer> logger)
    {
        _logger = logger;
        var config = new ProducerConfig
        {
            BootstrapServers = options.Value.BootstrapServers,
            ClientId = options.Value.ClientId,
            // Idempotence brings acks=all and in-order retries: a broker hiccup neither loses nor duplicates.
            EnableIdempotence = true,
            Acks = Acks.All,
            LingerMs = 5,
        };
        Producer = new ProducerBuilder<string, byte[]>(config)
            .SetErrorHandler((_, error) => _logger.LogWarning("Kafka producer: {Reason} ({Code})", error.Reason, error.Code))
            .Build();
    }

    public IProducer<string, byte[]> Producer { get; }

    public void Dispose()
    {
        var left = Producer.Flush(FlushOnShutdown);
        if (left > 0)
        {
            _logger.LogError("{Count} message(s) were still unsent when the producer closed", left);
        }

        Producer.Dispose();
    }
}
