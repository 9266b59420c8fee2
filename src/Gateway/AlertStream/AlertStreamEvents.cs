using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace CowHealth.Gateway.AlertStream;

/// <summary>
/// Turns a stream's source (the shared feed, or a reader of its own) into Server-Sent Events: each alert event under its contract's name with the
/// stream position after it as its <c>id</c>; a <c>heartbeat</c> (carrying the position too) when
/// nothing was sent for a while; a <c>gap</c> first when a resume cannot be gapless; an
/// <c>unavailable</c> (with a reason) instead of heartbeats while Kafka cannot be reached.
/// </summary>
internal sealed class AlertStreamEvents(
    IAlertSource source, string? farmId, TimeSpan heartbeatInterval, TimeProvider clock, AlertStreamMetrics metrics, ILogger logger)
{
    public const string HeartbeatEvent = "heartbeat";

    public const string GapEvent = "gap";

    public const string UnavailableEvent = "unavailable";

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
        var saidUnavailable = false;
        while (!stop.IsCancellationRequested)
        {
            // While Kafka is unreachable an unavailable event stands in for each heartbeat, so a client does not show "live" when nothing can arrive.
            var unavailable = source.Unavailable;
            var quiet = clock.GetElapsedTime(lastSent) >= heartbeatInterval;
            if (quiet || saidUnavailable != (unavailable is not null))
            {
                yield return unavailable is null ? Heartbeat() : Unavailable(unavailable);
                saidUnavailable = unavailable is not null;
                lastSent = clock.GetTimestamp();
                continue;
            }

            AlertRecord? record;
            try
            {
                record = await source.NextAsync(heartbeatInterval - clock.GetElapsedTime(lastSent), stop.Token);
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
            }
        }
    }

    // No data to speak of: an EventSource ignores it unless it listens for "heartbeat"; its id still moves the resume position on.
    private SseItem<string> Heartbeat() => new(string.Empty, HeartbeatEvent) { EventId = source.Position.ToString() };

    private SseItem<string> Unavailable(string reason) =>
        new(new JsonObject { ["reason"] = reason }.ToJsonString(), UnavailableEvent)
        {
            EventId = source.Position.ToString(),
        };

    /// <summary>Counts the stream closed however its enumeration ends: finished, client gone, or failed.</summary>
    private sealed class StreamClosed(AlertStreamMetrics metrics) : IDisposable
    {
        public void Dispose() => metrics.Closed();
    }
}
