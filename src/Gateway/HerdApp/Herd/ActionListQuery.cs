using CowHealth.Contracts;
using CowHealth.Gateway.Cows;
using CowHealth.Storage;
using CowHealth.Storage.Alerts;

namespace CowHealth.Gateway.HerdApp.Herd;

/// <summary>
/// The day's action list: open alerts, the most severe first and, within a severity, the one that
/// has waited longest first (earliest raised). Read through the open alerts' partial index, which
/// holds only the few alerts that are not resolved.
/// </summary>
public static class ActionListQuery
{
    public static IQueryable<Alert> Query(CowHealthDb db, HerdFilter filter)
    {
        var open = db.OpenAlerts();
        if (filter.FarmId is { } farm)
        {
            open = open.Where(a => a.FarmId == farm);
        }

        if (filter.Condition is { } condition)
        {
            open = open.Where(a => a.Condition == condition);
        }

        // Severities are stored by name, so the rank is spelled out rather than compared as text.
        return open
            .OrderByDescending(a => a.Severity == AlertSeverity.Critical ? 2 : a.Severity == AlertSeverity.Warning ? 1 : 0)
            .ThenBy(a => a.RaisedAt)
            .ThenBy(a => a.CowId)
            .ThenBy(a => a.Condition);
    }
}
