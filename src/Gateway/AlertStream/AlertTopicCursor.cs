using Confluent.Kafka;

namespace CowHealth.Gateway.AlertStream;

/// <summary>
/// One stream's own reader of <c>cow-health-alerts</c>: a consumer outside any group, assigned every
/// partition at a chosen offset, that keeps the stream's <see cref="StreamPosition"/> as it goes.
/// Records wait in librdkafka's fetch queue (bounded per stream) until the stream asks for them, so a
/// slow client holds back its own consumer and nothing piles up in the Gateway.
/// </summary>
public sealed class AlertTopicCursor(IConsumer<Ignore, byte[]> consumer, Dictionary<int, long> next, IReadOnlyList<StreamGap> gaps, TimeProvider clock) : IAlertSource
{
    /// <summary>
    /// How long to wait when no record is waiting. The cursor asks its consumer without blocking, so
    /// it holds no thread while idle; this bounds the delay it adds to an event's way to the client.
    /// </summary>
    private static readonly TimeSpan IdlePoll = TimeSpan.FromMilliseconds(100);

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
        return AlertRecord.From(result.Message);
    }

    public async ValueTask<AlertRecord?> NextAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        AlertRecord? record;
        try
        {
            record = TryNext();
        }
        catch (ConsumeException ex)
        {
            throw new AlertSourceEndedException($"Kafka failed the stream's reader: {ex.Error.Reason}", ex);
        }

        if (record is null)
        {
            await Task.Delay(wait < IdlePoll ? wait : IdlePoll, clock, cancellationToken);
        }

        return record;
    }

    /// <summary>Closes the consumer; safe to call twice (the stream and the request both see to it).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            consumer.Dispose();
        }
    }
}
