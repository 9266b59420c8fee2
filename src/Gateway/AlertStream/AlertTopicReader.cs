using Confluent.Kafka;
using CowHealth.Contracts;
using CowHealth.KafkaRider;
using Microsoft.Extensions.Options;

namespace CowHealth.Gateway.AlertStream;

/// <summary>
/// Opens a <see cref="AlertTopicCursor"/>, a reader of the stream's own: for a client that resumes
/// from further back than the shared <see cref="AlertFeed"/> keeps, just after the last event it had.
/// </summary>
public sealed class AlertTopicReader(IOptions<KafkaOptions> kafka, TimeProvider clock, ILogger<AlertTopicReader> logger)
{
    /// <summary>
    /// The cursor, or why <paramref name="resumeFrom"/> does not fit the topic. Throws
    /// <see cref="KafkaException"/> when Kafka does not answer.
    /// </summary>
    public Task<(AlertTopicCursor? Cursor, string? Problem)> OpenAsync(StreamPosition? resumeFrom, CancellationToken cancellationToken) =>
        // Metadata and watermark queries block on the broker: keep them off the request's thread.
        Task.Run(() => Open(resumeFrom), cancellationToken);

    private (AlertTopicCursor? Cursor, string? Problem) Open(StreamPosition? resumeFrom)
    {
        var consumer = AlertTopicConsumer.Build(kafka.Value, "alert-stream", logger);
        try
        {
            var partitions = AlertTopicConsumer.Partitions(consumer);
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
                var kept = consumer.QueryWatermarkOffsets(new TopicPartition(Topics.Alerts, partition), AlertTopicConsumer.BrokerTimeout);
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
            return (new AlertTopicCursor(consumer, next, gaps, clock), null);
        }
        catch
        {
            consumer.Dispose();
            throw;
        }
    }
}
