using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CowHealth.KafkaRider.Producing;

/// <summary>
/// One librdkafka producer per process: it batches across topics and keeps a single idempotent
/// session, so typed producers share it rather than opening their own connections.
/// </summary>
public sealed class SharedKafkaProducer : IDisposable
{
    private static readonly TimeSpan FlushOnShutdown = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan QueueFullBackoff = TimeSpan.FromMilliseconds(2);

    private readonly IProducer<string, byte[]> _producer;
    private readonly ILogger<SharedKafkaProducer> _logger;
    private readonly KafkaRiderMetrics _metrics;

    public SharedKafkaProducer(IOptions<KafkaOptions> options, KafkaRiderMetrics metrics, ILogger<SharedKafkaProducer> logger)
    {
        _logger = logger;
        _metrics = metrics;
        var config = new ProducerConfig
        {
            BootstrapServers = options.Value.BootstrapServers,
            ClientId = options.Value.ClientId,
            // Idempotence brings acks=all and in-order retries: a broker outage neither loses nor
            // duplicates, and librdkafka keeps retrying until message.timeout.ms (5 minutes).
            EnableIdempotence = true,
            Acks = Acks.All,
            LingerMs = options.Value.ProducerLingerMilliseconds,
            BatchNumMessages = 10_000,
            CompressionType = CompressionType.Lz4,
        };
        _producer = new ProducerBuilder<string, byte[]>(config)
            .SetErrorHandler((_, error) => _logger.LogWarning("Kafka producer: {Reason} ({Code})", error.Reason, error.Code))
            .SetLogHandler((_, message) => LibrdkafkaLog.Write(_logger, message))
            .Build();
    }

    /// <summary>Asks the cluster for its metadata through the producer's connections: is Kafka reachable?</summary>
    public Metadata GetMetadata(TimeSpan timeout)
    {
        using var admin = new DependentAdminClientBuilder(_producer.Handle).Build();
        return admin.GetMetadata(timeout);
    }

    /// <summary>Sends one record and completes when the broker acknowledged it.</summary>
    public async Task Send(string topic, Message<string, byte[]> record, CancellationToken cancellationToken)
    {
        var delivery = new BatchDelivery(topic, _metrics);
        await Enqueue(topic, record, delivery, cancellationToken);
        delivery.AllEnqueued();
        await delivery.Completion;
    }

    /// <summary>
    /// Sends many records and completes when the broker acknowledged all of them, or fails with the
    /// first error. Confirming the batch as a whole costs one task, not one per record.
    /// </summary>
    public async Task SendMany(string topic, IEnumerable<Message<string, byte[]>> records, CancellationToken cancellationToken)
    {
        var delivery = new BatchDelivery(topic, _metrics);
        foreach (var record in records)
        {
            await Enqueue(topic, record, delivery, cancellationToken);
        }

        delivery.AllEnqueued();
        await delivery.Completion;
    }

    private async ValueTask Enqueue(string topic, Message<string, byte[]> record, BatchDelivery delivery, CancellationToken cancellationToken)
    {
        while (true)
        {
            delivery.Expect();
            try
            {
                _producer.Produce(topic, record, delivery.Report);
                return;
            }
            catch (ProduceException<string, byte[]> ex) when (ex.Error.Code == ErrorCode.Local_QueueFull)
            {
                delivery.Withdraw();
                // librdkafka's local queue is full: wait for deliveries to drain it (back-pressure), never drop.
                await Task.Delay(QueueFullBackoff, cancellationToken);
            }
        }
    }

    public void Dispose()
    {
        var left = _producer.Flush(FlushOnShutdown);
        if (left > 0)
        {
            _logger.LogError("{Count} message(s) were still unsent when the producer closed", left);
        }

        _producer.Dispose();
    }

    /// <summary>Counts delivery reports of one send; completes when every record has one.</summary>
    private sealed class BatchDelivery(string topic, KafkaRiderMetrics metrics)
    {
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _outstanding = 1; // held at one or more until every record is enqueued
        private Error? _firstError;

        public Task Completion => _done.Task;

        public void Expect() => Interlocked.Increment(ref _outstanding);

        public void Withdraw() => Interlocked.Decrement(ref _outstanding);

        public void Report(DeliveryReport<string, byte[]> report)
        {
            if (report.Error.IsError)
            {
                Interlocked.CompareExchange(ref _firstError, report.Error, null);
                metrics.ProduceFailures.Add(1, KafkaRiderMetrics.Topic(topic));
            }
            else
            {
                metrics.Produced.Add(1, KafkaRiderMetrics.Topic(topic));
            }

            Arrive();
        }

        public void AllEnqueued() => Arrive();

        private void Arrive()
        {
            if (Interlocked.Decrement(ref _outstanding) != 0)
            {
                return;
            }

            if (_firstError is { } error)
            {
                _done.TrySetException(new KafkaException(error));
            }
            else
            {
                _done.TrySetResult();
            }
        }
    }
}
