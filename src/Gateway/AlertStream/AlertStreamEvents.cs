using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;

namespace CowHealth.Gateway.AlertStream;

/// <summary>
/// Turns a stream's source (the shared feed, or a reader of its own) into Server-Sent Events: each alert event under its contract's name with the
/// stream position after it as its <c>id</c>; a <c>heartbeat</c> (carrying the position too) when
/// nothing was sent for a while; a <c>gap</c> first when a resume cannot be gapless.
/// </summary>
internal sealed class AlertStreamEvents(
    IAlertSource source, string? farmId, TimeSpan heartbeatInterval, TimeProvider clock, AlertStreamMetrics metrics, ILogger logger)
{
    public const string HeartbeatEvent = "heartbeat";

    public const string GapEvent = "gap";

    public async IAsyncEnumerable<SseItem<string>> ReadAsync(
        CancellationToken serverStopping, [EnumeratorCancellation] CancellationToken clientGone = default)
    {
        using var owned = source;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(serverStopping, clientGone);
        metrics.Opened();
        using var closed = new StreamClosed(metrics);

        // Sent at once, so the client has the response headers and a position to resume from before any event.
        yield return Heartbeat();
        foreach (var gap in source.Gaps)
        {
            yield return new SseItem<string>(
                $$"""{"partition":{{gap.Partition}},"requestedOffset":{{gap.RequestedOffset}},"resumedAtOffset":{{gap.ResumedAtOffset}},"missedRecords":{{gap.MissedRecords}}}""",
                GapEvent);
        }

        var lastSent = clock.GetTimestamp();
        while (!stop.IsCancellationRequested)
        {
            var untilHeartbeat = heartbeatInterval - clock.GetElapsedTime(lastSent);
            AlertRecord? record;
            try
            {
                record = untilHeartbeat > TimeSpan.Zero ? await source.NextAsync(untilHeartbeat, stop.Token) : null;
            }
            catch (AlertSourceEndedException ex)
            {
                // The client reconnects with the last id it had and loses nothing.
                logger.LogWarning(ex, "Alert stream stopped: {Reason}", ex.Message);
                yield break;
            }
            catch (OperationCanceledException)
            {
                yield break;
            }

            if (record is not null)
            {
                if (farmId is null || record.FarmId() == farmId)
                {
                    yield return new SseItem<string>(record.Data, record.EventType) { EventId = source.Position.ToString() };
                    metrics.Sent(record.EventType);
                    lastSent = clock.GetTimestamp();
                }

                continue;
            }

            if (clock.GetElapsedTime(lastSent) >= heartbeatInterval)
            {
                yield return Heartbeat();
                lastSent = clock.GetTimestamp();
            }
        }
    }

    // No data to speak of: an EventSource ignores it unless it listens for "heartbeat"; its id still moves the resume position on.
    private SseItem<string> Heartbeat() => new(string.Empty, HeartbeatEvent) { EventId = source.Position.ToString() };

    /// <summary>Counts the stream closed however its enumeration ends: finished, client gone, or failed.</summary>
    private sealed class StreamClosed(AlertStreamMetrics metrics) : IDisposable
    {
        public void Dispose() => metrics.Closed();
    }
}
