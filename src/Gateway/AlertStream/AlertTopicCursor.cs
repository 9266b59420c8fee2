using System.Text;
using Confluent.Kafka;
using CowHealth.KafkaRider;

namespace CowHealth.Gateway.AlertStream;

/// <summary>
/// One stream's own reader of <c>cow-health-alerts</c>: a consumer outside any group, assigned every
/// partition at a chosen offset, that keeps the stream's <see cref="StreamPosition"/> as it goes.
/// Records wait in librdkafka's fetch queue (bounded per stream) until the stream asks for them, so a
/// slow client holds back its own consumer and nothing piles up in the Gateway.
/// </summary>
public sealed class AlertTopicCursor(IConsumer<Ignore, byte[]> consumer, Dictionary<int, long> next, IReadOnlyList<StreamGap> gaps) : IDisposable
{
    private int _disposed;

    /// <summary>What the stream has sent (or skipped) so far.</summary>
    public StreamPosition Position => new(next);

    /// <summary>Partitions where the resume position asked for records the topic no longer keeps.</summary>
    public IReadOnlyList<StreamGap> Gaps => gaps;

    /// <summary>The next record, or null when none has arrived yet. Never blocks.</summary>
    public AlertRecord? TryNext()
    {
        var result = consumer.Consume(TimeSpan.Zero);
        if (result?.Message is null)
        {
            return null;
        }

        next[result.Partition.Value] = result.Offset.Value + 1;
        return new AlertRecord(EventTypeOf(result.Message.Headers), result.Message.Value ?? []);
    }

    /// <summary>Closes the consumer; safe to call twice (the stream and the request both see to it).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            consumer.Dispose();
        }
    }

    // The header carries the contract's full name (CowHealth.Contracts.AlertRaised); the stream names events by the short one.
    private static string EventTypeOf(Headers? headers)
    {
        if (headers is null || !headers.TryGetLastBytes(MessageHeaders.MessageType, out var bytes))
        {
            return "message";
        }

        var type = Encoding.UTF8.GetString(bytes);
        return type[(type.LastIndexOf('.') + 1)..];
    }
}
