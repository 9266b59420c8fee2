using Confluent.Kafka;
using CowHealth.Contracts;
using CowHealth.KafkaRider;

namespace CowHealth.Gateway.AlertStream;

/// <summary>
/// A consumer of <c>cow-health-alerts</c> outside any group, as the shared feed and a catching-up
/// stream both use one: assigned partitions at chosen offsets, never committing.
/// </summary>
internal static class AlertTopicConsumer
{
    /// <summary>Never joined nor committed: a consumer that is only assigned partitions needs a group id to exist, not to be used.</summary>
    private const string UnusedGroupId = "cowhealth-gateway-alert-stream";

    public static readonly TimeSpan BrokerTimeout = TimeSpan.FromSeconds(5);

    /// <param name="role">Ends the client id, e.g. <c>alert-feed</c>, so broker logs tell the readers apart.</param>
    /// <param name="onError">Also told each client error librdkafka reports (all brokers down, transport failures), on the thread that consumes.</param>
    public static IConsumer<Ignore, byte[]> Build(KafkaOptions kafka, string role, ILogger logger, Action<Error>? onError = null) =>
        new ConsumerBuilder<Ignore, byte[]>(new ConsumerConfig
        {
            BootstrapServers = kafka.BootstrapServers,
            ClientId = kafka.ClientId + "-" + role,
            GroupId = UnusedGroupId,
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            // A resume position older than what the topic keeps starts from the oldest record kept (reported as a gap).
            AutoOffsetReset = AutoOffsetReset.Earliest,
            FetchWaitMaxMs = kafka.ConsumerFetchWaitMilliseconds,
            // Alert events are small and few; a megabyte fetched ahead is plenty and bounds the reader's memory.
            QueuedMaxMessagesKbytes = 1024,
        })
            .SetErrorHandler((_, error) =>
            {
                logger.LogWarning("Alert topic consumer ({Role}): {Reason} ({Code})", role, error.Reason, error.Code);
                onError?.Invoke(error);
            })
            .SetLogHandler((_, message) => LibrdkafkaLog.Write(logger, message))
            .Build();

    /// <summary>The topic's partitions, in order. Throws <see cref="KafkaException"/> when Kafka does not answer.</summary>
    public static List<int> Partitions(IConsumer<Ignore, byte[]> consumer)
    {
        using var admin = new DependentAdminClientBuilder(consumer.Handle).Build();
        var topic = admin.GetMetadata(Topics.Alerts, BrokerTimeout).Topics.Single();
        if (topic.Error.IsError)
        {
            throw new KafkaException(topic.Error);
        }

        return [.. topic.Partitions.Select(p => p.PartitionId).Order()];
    }
}
