using CowHealth.Gateway.Cows;
using CowHealth.Storage;
using Microsoft.EntityFrameworkCore;

namespace CowHealth.Gateway.Herd;

/// <summary>
/// The herd summary in four grouped queries, each answered from an index or the small cows table
/// (one row per cow): health states through the open alerts' partial index, open alerts the
/// same way, the last hour's readings as a key range per recently heard cow, and offline cows from
/// each cow's copy of her latest reading.
/// </summary>
public static class HerdSummaryQuery
{
    public static async Task<HerdSummaryView> Run(
        CowHealthDb db, string? farmId, DateTimeOffset now, TimeSpan offlineAfter, CancellationToken cancellationToken)
    {
        var cows = db.Cows.AsNoTracking();
        var openAlerts = db.OpenAlerts().AsNoTracking();
        if (farmId is not null)
        {
            cows = cows.Where(c => c.FarmId == farmId);
            openAlerts = openAlerts.Where(a => a.FarmId == farmId);
        }

        var nowUtc = now.UtcDateTime;
        var hourAgo = nowUtc.AddHours(-1);
        var offlineBefore = nowUtc - offlineAfter;

        var health = await cows.WithHealth(db)
            .GroupBy(r => new { r.Cow.FarmId, r.HealthRank })
            .Select(g => new { g.Key.FarmId, g.Key.HealthRank, Cows = g.Count() })
            .ToListAsync(cancellationToken);
        var alerts = await openAlerts
            .GroupBy(a => new { a.FarmId, a.Condition, a.Severity })
            .Select(g => new { g.Key.FarmId, g.Key.Condition, g.Key.Severity, Count = g.Count() })
            .ToListAsync(cancellationToken);
        // Only cows heard from within the hour can have readings in it; for each, a range of the readings' key.
        var recent = await (
                from c in cows.Where(c => c.LatestMeasuredAt > hourAgo)
                join r in db.Readings on c.CowId equals r.CowId
                where r.MeasuredAt > hourAgo && r.MeasuredAt <= nowUtc
                group r by c.FarmId into g
                select new { FarmId = g.Key, Readings = g.Count() })
            .ToListAsync(cancellationToken);
        var offline = await cows
            .Where(c => c.LatestMeasuredAt < offlineBefore)
            .OrderBy(c => c.CowId)
            .Select(c => new { c.FarmId, c.CowId })
            .ToListAsync(cancellationToken);

        var farms = health.Select(h => h.FarmId).Distinct().Order(StringComparer.Ordinal).Select(farm =>
        {
            int CowsIn(HealthState state) => health.Where(h => h.FarmId == farm && h.HealthRank == (int)state).Sum(h => h.Cows);
            return new FarmSummaryView(
                farm,
                health.Where(h => h.FarmId == farm).Sum(h => h.Cows),
                new CowsByHealthStateView(CowsIn(HealthState.Healthy), CowsIn(HealthState.Watch), CowsIn(HealthState.Unwell), CowsIn(HealthState.Critical)),
                [.. alerts.Where(a => a.FarmId == farm).OrderBy(a => a.Condition).ThenBy(a => a.Severity)
                    .Select(a => new OpenAlertCountView(a.Condition, a.Severity, a.Count))],
                recent.Where(r => r.FarmId == farm).Sum(r => r.Readings),
                [.. offline.Where(o => o.FarmId == farm).Select(o => o.CowId)]);
        });
        return new HerdSummaryView(now, offlineAfter, [.. farms]);
    }
}
