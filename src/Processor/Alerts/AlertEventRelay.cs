using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using CowHealth.Contracts;
using CowHealth.KafkaRider;
using CowHealth.KafkaRider.Producing;
using CowHealth.Storage;
using CowHealth.Storage.Alerts;
using Microsoft.EntityFrameworkCore;

namespace CowHealth.Processor.Alerts;

/// <summary>
/// Publishes the outbox: alert events recorded with their saga state go to <c>cow-health-alerts</c>
/// in the order they were recorded, and are marked published once Kafka has them. A crash between
/// the two publishes an event again (at least once); its <c>message-id</c> header is the event's
/// stable id, so consumers can tell.
/// </summary>
public sealed class AlertEventRelay(
    IServiceScopeFactory scopes, SharedKafkaProducer producer, AlertOutboxSignal signal, ProcessorMetrics metrics, TimeProvider clock,
    ILogger<AlertEventRelay> logger)
    : BackgroundService
{
    private const int BatchSize = 500;
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan AfterFailure = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await PublishPending(stoppingToken) < BatchSize)
                {
                    await signal.WaitAsync(IdlePoll, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Publishing alert events failed; retrying");
                await Task.Delay(AfterFailure, clock, stoppingToken);
            }
        }
    }

    /// <summary>Publishes one batch of pending events; returns how many.</summary>
    public async Task<int> PublishPending(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CowHealthDb>();
        var pending = await db.AlertEvents.AsNoTracking()
            .Where(e => e.PublishedAt == null)
            .OrderBy(e => e.Position)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return 0;
        }

        await producer.SendMany(Topics.Alerts, pending.Select(e => new Message<string, byte[]>
        {
            Key = e.CowId,
            Value = Encoding.UTF8.GetBytes(e.PayloadJson),
            // Every alert contract is at schema version 1 so far; the payload carries its own version too.
            Headers = MessageHeaders.For("CowHealth.Contracts." + e.EventType, 1, e.EventId, e.AlertId, clock.GetUtcNow()),
        }), cancellationToken);

        // By exact positions, not a range: a transaction that commits late can leave a lower position unpublished behind us.
        var positions = pending.Select(e => e.Position).ToList();
        var publishedAt = clock.GetUtcNow().UtcDateTime;
        await db.AlertEvents
            .Where(e => positions.Contains(e.Position))
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.PublishedAt, publishedAt), cancellationToken);
        CountPublished(pending);
        return pending.Count;
    }

    /// <summary>
    /// Counted once published, not when the saga records them: a batch that rolls back and is
    /// retried records its events again, but only the committed ones reach the outbox and the topic.
    /// </summary>
    private void CountPublished(List<AlertEvent> published)
    {
        // AlertRaised counts as raised; AcknowledgementRejected is an answer to a command, not a step in an alert's life.
        foreach (var lifecycleEvent in published.Where(e => e.EventType.StartsWith("Alert", StringComparison.Ordinal)))
        {
            using var payload = JsonDocument.Parse(lifecycleEvent.PayloadJson);
            if (payload.RootElement.TryGetProperty("condition", out var condition)
                && Enum.TryParse<HealthCondition>(condition.GetString(), out var what)
                && payload.RootElement.TryGetProperty("severity", out var severity)
                && Enum.TryParse<AlertSeverity>(severity.GetString(), out var howBad))
            {
                metrics.AlertEvents.Add(1, new KeyValuePair<string, object?>("event", lifecycleEvent.EventType["Alert".Length..].ToLowerInvariant()),
                    ProcessorMetrics.Condition(what), ProcessorMetrics.Severity(howBad));
            }
        }
    }
}
