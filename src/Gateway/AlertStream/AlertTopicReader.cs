using Confluent.Kafka;
using CowHealth.Contracts;
using CowHealth.KafkaRider;
using Microsoft.Extensions.Options;

namespace CowHealth.Gateway.AlertStream;

/// <summary>
/// Opens a <see cref="AlertTopicCursor"/> for a new stream: at the end of every partition for a
/// fresh client, or just after the last event a reconnecting client had.
/// </summary>
public sealed class AlertTopicReader(IOptions<KafkaOptions> kafka, ILogger<AlertTopicReader> logger)
{
    /// <summary>Never joined nor committed: a consumer that is only assigned partitions needs a group id to exist, not to be used.</summary>
    private const string UnusedGroupId = "cowhealth-gateway-alert-stream";

    private static readonly TimeSpan BrokerTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The cursor, or why <paramref name="resumeFrom"/> does not fit the topic. Throws
    /// <see cref="KafkaException"/> when Kafka does not answer.
    /// </summary>
    public Task<(AlertTopicCursor? Cursor, string? Problem)> OpenAsync(StreamPosition? resumeFrom, CancellationToken cancellationToken) =>
        // Metadata and watermark queries block on the broker: keep them off the request's thread.
        Task.Run(() => Open(resumeFrom), cancellationToken);

    private (AlertTopicCursor? Cursor, string? Problem) Open(StreamPosition? resumeFrom)
    {
        var consumer = new ConsumerBuilder<Ignore, byte[]>(new ConsumerConfig
        {
            BootstrapServers = kafka.Value.BootstrapServers,
            ClientId = kafka.Value.ClientId + "-alert-stream",
            GroupId = UnusedGroupId,
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            // A resume position older than what the topic keeps starts from the oldest record kept (reported as a gap).
            AutoOffsetReset = AutoOffsetReset.Earliest,
            FetchWaitMaxMs = kafka.Value.ConsumerFetchWaitMilliseconds,
            // Alert events are small and few; a megabyte fetched ahead per stream is plenty and bounds its memory.
            QueuedMaxMessagesKbytes = 1024,
        })
            .SetErrorHandler((_, error) => logger.LogWarning("Alert stream consumer: {Reason} ({Code})", error.Reason, error.Code))
            .SetLogHandler((_, message) => LibrdkafkaLog.Write(logger, message))
            .Build();
        try
        {
            var partitions = PartitionsOfAlertsTopic(consumer);
            var unknown = resumeFrom?.Partitions.Except(partitions).ToList() ?? [];
            if (unknown.Count > 0)
            {
                consumer.Dispose();
                return (null, $"The position names partition {string.Join(", ", unknown)}, which {Topics.Alerts} does not have; " +
                    "it comes from another deployment. Reconnect without Last-Event-ID.");
            }

            var next = new Dictionary<int, long>();
            var gaps = new List<StreamGap>();
            foreach (var partition in partitions)
            {
                var kept = consumer.QueryWatermarkOffsets(new TopicPartition(Topics.Alerts, partition), BrokerTimeout);
                long start;
                if (resumeFrom is null)
                {
                    start = kept.High.Value;
                }
                else
                {
                    // A partition the position does not name appeared after it was sent: all its records are new to the client.
                    var wanted = resumeFrom.NextOffset(partition) ?? kept.Low.Value;
                    start = Math.Clamp(wanted, kept.Low.Value, kept.High.Value);
                    if (wanted < kept.Low.Value)
                    {
                        gaps.Add(new StreamGap(partition, wanted, kept.Low.Value));
                    }
                }

                next[partition] = start;
            }

            consumer.Assign(next.Select(p => new TopicPartitionOffset(Topics.Alerts, p.Key, p.Value)));
            return (new AlertTopicCursor(consumer, next, gaps), null);
        }
        catch
        {
            consumer.Dispose();
            throw;
        }
    }

    private static List<int> PartitionsOfAlertsTopic(IConsumer<Ignore, byte[]> consumer)
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
