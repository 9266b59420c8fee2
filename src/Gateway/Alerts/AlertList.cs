using CowHealth.Storage;
using CowHealth.Storage.Alerts;
using Microsoft.EntityFrameworkCore;

namespace CowHealth.Gateway.Alerts;

/// <summary>The alert listing's query: filters, then a keyset page, newest raised first.</summary>
public static class AlertList
{
    /// <summary>
    /// Alerts after <paramref name="after"/>. New alerts are raised later than the ones already
    /// listed, so they land before the cursor: a walk through the pages neither repeats nor skips
    /// an alert while the Processor raises more. Status changes do not move an alert (it is
    /// ordered by when it was raised), though a status filter may then include or exclude it.
    /// </summary>
    public static IQueryable<Alert> Query(CowHealthDb db, AlertFilter filter, AlertCursor? after)
    {
        var alerts = db.Alerts.AsQueryable();
        if (filter.FarmId is { } farm)
        {
            alerts = alerts.Where(a => a.FarmId == farm);
        }

        if (filter.CowId is { } cow)
        {
            alerts = alerts.Where(a => a.CowId == cow);
        }

        // Values listed in the SQL itself, not as a parameter array: the planner then knows them
        // (for the open-alerts partial index), and SQLite needs no JSON to read them.
        if (filter.Statuses.Count > 0)
        {
            alerts = alerts.Where(a => EF.Constant(filter.Statuses).Contains(a.Status));
        }

        if (filter.Conditions.Count > 0)
        {
            alerts = alerts.Where(a => EF.Constant(filter.Conditions).Contains(a.Condition));
        }

        if (filter.Severities.Count > 0)
        {
            alerts = alerts.Where(a => EF.Constant(filter.Severities).Contains(a.Severity));
        }

        if (filter.RaisedFrom is { } from)
        {
            alerts = alerts.Where(a => a.RaisedAt >= from);
        }

        if (filter.RaisedBefore is { } before)
        {
            alerts = alerts.Where(a => a.RaisedAt < before);
        }

        if (after is not null)
        {
            var raisedAt = after.RaisedAt.UtcDateTime;
            alerts = alerts.Where(a => a.RaisedAt < raisedAt
                || (a.RaisedAt == raisedAt && string.Compare(a.CowId, after.CowId) < 0)
                || (a.RaisedAt == raisedAt && a.CowId == after.CowId && a.Condition < after.Condition));
        }

        // All three descending, so an index on (raised_at, cow_id, condition) read backwards gives the order.
        return alerts.OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.CowId).ThenByDescending(a => a.Condition);
    }
}
