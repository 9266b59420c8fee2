using System.Globalization;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using CowHealth.Contracts;
using CowHealth.KafkaRider.Producing;

namespace CowHealth.KafkaRider.DeadLetters;

/// <summary>
/// Parks a record the pipeline cannot handle on <c>&lt;topic&gt;.dlq</c> with the reason in its
/// headers, so the partition moves on and a person can still read what was rejected. Consumers use
/// it too, for input they judge invalid (a reading from the future, say). Each call completes when
/// the dead-letter topic has the record, so the original's offset may then be committed.
/// </summary>
public sealed class DeadLetterPublisher(SharedKafkaProducer shared, KafkaRiderMetrics metrics, TimeProvider clock)
{
    /// <summary>Parks a raw record byte for byte (it may not even be valid JSON).</summary>
    public Task Publish(ConsumeResult<string, byte[]> rejected, string reason, Exception? exception, CancellationToken cancellationToken) =>
        Send(rejected.Topic, rejected.Partition.Value, rejected.Offset.Value, rejected.Message.Key, rejected.Message.Value,
            rejected.Message.Headers, reason, exception?.GetType().FullName, cancellationToken);

    /// <summary>Parks one message of a batch that its consumer rejected.</summary>
    public Task Publish<T>(TopicBatch<T> batch, TopicRecord<T> rejected, string reason, CancellationToken cancellationToken)
        where T : class, ICowMessage
    {
        var value = JsonSerializer.SerializeToUtf8Bytes(rejected.Message, CowHealthJson.Default.GetTypeInfo(typeof(T))!);
        var headers = new Headers
        {
            { MessageHeaders.MessageType, Encoding.UTF8.GetBytes(typeof(T).FullName!) },
            { MessageHeaders.SchemaVersion, Encoding.UTF8.GetBytes(rejected.Message.SchemaVersion.ToString(CultureInfo.InvariantCulture)) },
        };
        return Send(batch.Topic, batch.Partition, rejected.Offset, rejected.Message.CowId, value, headers, reason, null, cancellationToken);
    }

    private async Task Send(
        string topic, int partition, long offset, string? key, byte[] value, Headers? original,
        string reason, string? exceptionType, CancellationToken cancellationToken)
    {
        var headers = new Headers();
        foreach (var header in original ?? [])
        {
            headers.Add(header.Key, header.GetValueBytes());
        }

        headers.Add(MessageHeaders.DeadLetterReason, Encoding.UTF8.GetBytes(reason));
        headers.Add(MessageHeaders.DeadLetterExceptionType, Encoding.UTF8.GetBytes(exceptionType ?? "none"));
        headers.Add(MessageHeaders.DeadLetterOriginalTopic, Encoding.UTF8.GetBytes(topic));
        headers.Add(MessageHeaders.DeadLetterOriginalPartition, Encoding.UTF8.GetBytes(partition.ToString(CultureInfo.InvariantCulture)));
        headers.Add(MessageHeaders.DeadLetterOriginalOffset, Encoding.UTF8.GetBytes(offset.ToString(CultureInfo.InvariantCulture)));
        headers.Add(MessageHeaders.DeadLetterTime, Encoding.UTF8.GetBytes(clock.GetUtcNow().ToString("O")));

        await shared.Send(Topics.DeadLetterOf(topic), new Message<string, byte[]> { Key = key!, Value = value, Headers = headers }, cancellationToken);
        metrics.DeadLettered.Add(1, KafkaRiderMetrics.Topic(topic));
    }
}
