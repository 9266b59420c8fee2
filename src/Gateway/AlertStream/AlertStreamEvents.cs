using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Confluent.Kafka;

namespace CowHealth.Gateway.AlertStream;

/// <summary>
/// Turns a cursor into Server-Sent Events: each alert event under its contract's name with the
/// stream position after it as its <c>id</c>; a <c>heartbeat</c> (carrying the position too) when
/// nothing was sent for a while; a <c>gap</c> first when a resume cannot be gapless.
/// </summary>
internal sealed class AlertStreamEvents(
    AlertTopicCursor cursor, string? farmId, TimeSpan heartbeatInterval, TimeProvider clock, AlertStreamMetrics metrics, ILogger logger)
{
    /// <summary>
    /// How long to wait when no record is waiting. A stream asks its consumer without blocking, so
    /// it holds no thread while idle; this bounds the delay it adds to an event's way to the client.
    /// </summary>
    private static readonly TimeSpan IdlePoll = TimeSpan.FromMilliseconds(100);

    public const string HeartbeatEvent = "heartbeat";

    public const string GapEvent = "gap";

    public async IAsyncEnumerable<SseItem<string>> ReadAsync(
        CancellationToken serverStopping, [EnumeratorCancellation] CancellationToken clientGone = default)
    {
        using var owned = cursor;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(serverStopping, clientGone);
        metrics.Opened();
        using var closed = new StreamClosed(metrics);

        // Sent at once, so the client has the response headers and a position to resume from before any event.
        yield return Heartbeat();
        foreach (var gap in cursor.Gaps)
        {
            yield return new SseItem<string>(
                $$"""{"partition":{{gap.Partition}},"requestedOffset":{{gap.RequestedOffset}},"resumedAtOffset":{{gap.ResumedAtOffset}},"missedRecords":{{gap.MissedRecords}}}""",
                GapEvent);
        }

        var lastSent = clock.GetTimestamp();
        while (!stop.IsCancellationRequested)
        {
            AlertRecord? record;
            try
            {
                record = cursor.TryNext();
            }
            catch (ConsumeException ex)
            {
                // The client reconnects with the last id it had and loses nothing.
                logger.LogWarning(ex, "Alert stream stopped: {Reason}", ex.Error.Reason);
                yield break;
            }

            if (record is not null && (farmId is null || record.FarmId() == farmId))
            {
                yield return new SseItem<string>(record.Data, record.EventType) { EventId = cursor.Position.ToString() };
                metrics.Sent(record.EventType);
                lastSent = clock.GetTimestamp();
                continue;
            }

            if (clock.GetElapsedTime(lastSent) >= heartbeatInterval)
            {
                yield return Heartbeat();
                lastSent = clock.GetTimestamp();
            }

            if (record is null && !await IdleAsync(stop.Token))
            {
                yield break;
            }
        }
    }

    // No data to speak of: an EventSource ignores it unless it listens for "heartbeat"; its id still moves the resume position on.
    private SseItem<string> Heartbeat() => new(string.Empty, HeartbeatEvent) { EventId = cursor.Position.ToString() };

    private async Task<bool> IdleAsync(CancellationToken stop)
    {
        try
        {
            await Task.Delay(IdlePoll, clock, stop);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Counts the stream closed however its enumeration ends: finished, client gone, or failed.</summary>
    private sealed class StreamClosed(AlertStreamMetrics metrics) : IDisposable
    {
        public void Dispose() => metrics.Closed();
    }
}
