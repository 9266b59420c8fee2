using CowHealth.Contracts;
using CowHealth.Storage;
using CowHealth.Storage.Alerts;

namespace CowHealth.Gateway.Cows;

/// <summary>A cow with her health worked out in the database from her open alerts (see <see cref="HealthState"/>).</summary>
public sealed class CowWithHealth
{
    public required Cow Cow { get; init; }

    /// <summary>The <see cref="HealthState"/> as its number, so the database can filter and sort on it.</summary>
    public int HealthRank { get; init; }

    public int OpenAlertCount { get; init; }

    public HealthState HealthState => (HealthState)HealthRank;
}

public static class CowHealthQueries
{
    /// <summary>Alerts that are not resolved yet. The partial index <c>ix_alerts_open</c> holds exactly these.</summary>
    public static IQueryable<Alert> OpenAlerts(this CowHealthDb db) => db.Alerts.Where(a => a.Status != AlertStatus.Resolved);

    /// <summary>
    /// Each cow with her health state and open alert count: the open alerts (a few per sick cow,
    /// read through their partial index) grouped by cow once, and joined to the cows. Severities
    /// are stored by name, so the rank is spelled out rather than compared as text.
    /// </summary>
    public static IQueryable<CowWithHealth> WithHealth(this IQueryable<Cow> cows, CowHealthDb db)
    {
        var openByCow = db.OpenAlerts()
            .GroupBy(a => a.CowId)
            .Select(g => new
            {
                CowId = g.Key,
                Rank = g.Max(a => a.Severity == AlertSeverity.Critical ? (int)HealthState.Critical
                    : a.Severity == AlertSeverity.Warning ? (int)HealthState.Unwell
                    : (int)HealthState.Watch),
                Count = g.Count(),
            });
        return cows.LeftJoin(openByCow, c => c.CowId, o => o.CowId, (c, o) => new CowWithHealth
        {
            Cow = c,
            HealthRank = (int?)o!.Rank ?? (int)HealthState.Healthy,
            OpenAlertCount = (int?)o!.Count ?? 0,
        });
    }
}
