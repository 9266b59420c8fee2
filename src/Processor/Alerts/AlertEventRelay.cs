using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using CowHealth.Contracts;
using CowHealth.KafkaRider;
using CowHealth.KafkaRider.Producing;
using CowHealth.Storage;
using CowHealth.Storage.Alerts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CowHealth.Processor.Alerts;

/// <summary>
/// Publishes the outbox: alert events recorded with their saga state go to <c>cow-health-alerts</c>
/// in the order they were recorded, and are marked published once Kafka has them. A crash between
/// the two publishes an event again (at least once); its <c>message-id</c> header is the event's
/// stable id, so consumers can tell.
/// </summary>
/// <remarks>
/// Every Processor runs a relay, and on PostgreSQL they take turns: a batch runs in a transaction
/// that first takes a transaction-scoped advisory lock, so one batch at a time is published across
/// all instances, each event once (without a crash) and each cow's events in their order. The lock
/// goes with the commit that marks the batch published, so the next batch, wherever it runs, starts
/// after it. Relaying is little work (alert events are few), so one at a time costs nothing a farm
/// would notice, and an instance that dies mid-batch hands the turn on as its connection closes.
/// </remarks>
public sealed class AlertEventRelay(
    IServiceScopeFactory scopes, SharedKafkaProducer producer, AlertOutboxSignal signal, ProcessorMetrics metrics, TimeProvider clock,
    ILogger<AlertEventRelay> logger)
    : BackgroundService
{
    private const int BatchSize = 500;

    /// <summary>The advisory lock key of the relay's turn ("CowHealth" in ASCII, as a number), the same in every instance.</summary>
    private const long RelayTurnKey = 0x436F_7748_6561_6C74;

    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan WhileAnotherRelays = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan AfterFailure = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var published = await PublishPending(stoppingToken);
                if (published is null)
                {
                    // Another Processor's relay has the turn: its batch may not hold what this one just recorded.
                    await Task.Delay(WhileAnotherRelays, clock, stoppingToken);
                }
                else if (published < BatchSize)
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

    /// <summary>Publishes one batch of pending events; returns how many, or null when another instance's relay has the turn.</summary>
    public async Task<int?> PublishPending(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CowHealthDb>();
        // SQLite is the one-process embedded default: there is no other relay to take turns with.
        await using var turn = db.Database.IsNpgsql() ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        if (turn is not null && !await TakeTheTurn(db, cancellationToken))
        {
            return null;
        }

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
        if (turn is not null)
        {
            await turn.CommitAsync(cancellationToken);
        }

        CountPublished(pending);
        return pending.Count;
    }

    private static async Task<bool> TakeTheTurn(CowHealthDb db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = $"SELECT pg_try_advisory_xact_lock({RelayTurnKey})";
        return await command.ExecuteScalarAsync(cancellationToken) is true;
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
