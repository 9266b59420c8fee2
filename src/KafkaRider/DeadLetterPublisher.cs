using System.Globalization;
using System.Text;
using Confluent.Kafka;
using CowHealth.Contracts;
using CowHealth.KafkaRider.Producing;

namespace CowHealth.KafkaRider;

/// <summary>
/// Parks a record the pipeline cannot handle on <c>&lt;topic&gt;.dlq</c>, byte for byte, with the reason
/// in its headers, so the partition moves on and a person can still read what was rejected.
/// Consumers use it too, for input they judge invalid (a reading from the future, say).
/// </summary>
public sealed class DeadLetterPublisher(SharedKafkaProducer shared, TimeProvider clock)
{
    /// <summary>Completes when the dead-letter topic has the record, so its offset may then be committed.</summary>
    public async Task Publish(ConsumeResult<string, byte[]> rejected, string reason, Exception? exception, CancellationToken cancellationToken)
    {
        var headers = new Headers();
        foreach (var header in rejected.Message.Headers ?? [])
        {
            headers.Add(header.Key, header.GetValueBytes());
        }

        headers.Add(MessageHeaders.DeadLetterReason, Encoding.UTF8.GetBytes(reason));
        headers.Add(MessageHeaders.DeadLetterExceptionType, Encoding.UTF8.GetBytes(exception?.GetType().FullName ?? "none"));
        headers.Add(MessageHeaders.DeadLetterOriginalTopic, Encoding.UTF8.GetBytes(rejected.Topic));
        headers.Add(MessageHeaders.DeadLetterOriginalPartition, Encoding.UTF8.GetBytes(rejected.Partition.Value.ToString(CultureInfo.InvariantCulture)));
        headers.Add(MessageHeaders.DeadLetterOriginalOffset, Encoding.UTF8.GetBytes(rejected.Offset.Value.ToString(CultureInfo.InvariantCulture)));
        headers.Add(MessageHeaders.DeadLetterTime, Encoding.UTF8.GetBytes(clock.GetUtcNow().ToString("O")));

        await shared.Send(
            Topics.DeadLetterOf(rejected.Topic),
            new Message<string, byte[]> { Key = rejected.Message.Key, Value = rejected.Message.Value, Headers = headers },
            cancellationToken);
        KafkaRiderMetrics.DeadLettered.Add(1, KafkaRiderMetrics.Topic(rejected.Topic));
    }
}
