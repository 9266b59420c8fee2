using CowHealth.Contracts;
using CowHealth.Storage;
using CowHealth.Storage.Alerts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CowHealth.Processor.Alerts;

/// <summary>
/// Counts the open alerts (by condition and severity) and their saga instances (by state) every
/// <see cref="ProcessorMetricsOptions.AlertCensusInterval"/>, for the gauges in <see cref="ProcessorMetrics"/>.
/// </summary>
/// <remarks>
/// Counted from the database rather than kept in memory: the database is what farm staff see, a
/// restart loses nothing, and a rolled-back batch cannot leave the count wrong. Each query reaches
/// only the open alerts, through the index on alert status, so its cost follows the open alerts and
/// not the herd's history. That is also why resolved saga instances (one per cow and condition
/// ever alerted, waiting out their cool-down or for the condition to return) are not counted.
/// </remarks>
public sealed class AlertCensus(IServiceScopeFactory scopes, IOptions<ProcessorMetricsOptions> options, ILogger<AlertCensus> logger)
    : BackgroundService
{
    private static readonly AlertStatus[] OpenStatuses = [AlertStatus.Raised, AlertStatus.Escalated, AlertStatus.Acknowledged];

    /// <summary>The saga states an instance with an open alert can be in (the state machine's own names).</summary>
    public static readonly IReadOnlyList<string> OpenSagaStates = OpenStatuses.Select(s => s.ToString()).ToList();

    private volatile AlertCensusResult _latest = AlertCensusResult.None;

    /// <summary>The latest census; empty until the first one succeeded, so no gauge claims zero before anyone counted.</summary>
    public AlertCensusResult Latest => _latest;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.AlertCensusInterval);
        do
        {
            try
            {
                _latest = await Take(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The schema may not be migrated yet, or the database is briefly away: the next tick tries again.
                logger.LogWarning(ex, "Counting open alerts failed; the gauges keep the previous census");
            }
        }
        while (await WaitForNextTick(timer, stoppingToken));
    }

    /// <summary>Counts now.</summary>
    public async Task<AlertCensusResult> Take(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CowHealthDb>();
        var open = db.Alerts.AsNoTracking().Where(a => OpenStatuses.Contains(a.Status));

        var byKind = await open
            .GroupBy(a => new { a.Condition, a.Severity })
            .Select(g => new { g.Key.Condition, g.Key.Severity, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var byState = await open
            .Join(db.CowAlerts.AsNoTracking(), a => a.AlertId, s => s.AlertId, (_, s) => s.CurrentState)
            .GroupBy(state => state)
            .Select(g => new { State = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);

        // Every combination, zeros included: a gauge that drops to zero should say so, not vanish.
        var openAlerts =
            from condition in Enum.GetValues<HealthCondition>()
            from severity in Enum.GetValues<AlertSeverity>()
            select new OpenAlertCount(condition, severity,
                byKind.Where(k => k.Condition == condition && k.Severity == severity).Sum(k => k.Count));
        var sagas = OpenSagaStates.Union(byState.Select(s => s.State))
            .Select(state => new SagaStateCount(state, byState.Where(s => s.State == state).Sum(s => s.Count)));
        return new AlertCensusResult([.. openAlerts], [.. sagas]);
    }

    private static async Task<bool> WaitForNextTick(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
