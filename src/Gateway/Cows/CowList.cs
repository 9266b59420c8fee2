using CowHealth.Storage;

namespace CowHealth.Gateway.Cows;

/// <summary>The herd list's query: filters, then a keyset page in the chosen order.</summary>
public static class CowList
{
    /// <summary>
    /// Cows after <paramref name="after"/> in <paramref name="sort"/> order. Every order ends in the
    /// cow id, so the position is exact. Cows that arrive meanwhile fall before or after it and
    /// never shift the pages still to come. In the health and latest-reading orders a cow whose
    /// state or latest reading changes between two pages moves with it, so she may be listed
    /// again or not at all in that walk; the cow-id order has no such moves.
    /// </summary>
    public static IQueryable<CowWithHealth> Query(
        CowHealthDb db, string? farmId, IReadOnlyList<HealthState> states, CowSort sort, CowCursor? after)
    {
        var cows = db.Cows.AsQueryable();
        if (farmId is not null)
        {
            cows = cows.Where(c => c.FarmId == farmId);
        }

        var rows = cows.WithHealth(db);
        if (states.Count > 0)
        {
            var ranks = states.Select(s => (int)s).ToList();
            rows = rows.Where(r => ranks.Contains(r.HealthRank));
        }

        switch (sort)
        {
            case CowSort.HealthState:
                if (after is not null)
                {
                    rows = rows.Where(r => r.HealthRank < after.HealthRank
                        || (r.HealthRank == after.HealthRank && string.Compare(r.Cow.CowId, after.CowId) > 0));
                }

                return rows.OrderByDescending(r => r.HealthRank).ThenBy(r => r.Cow.CowId);
            case CowSort.LatestReading:
                if (after is not null)
                {
                    // In UTC whatever offset a hand-made cursor carries: the database compares instants.
                    var latest = after.LatestMeasuredAt.UtcDateTime;
                    rows = rows.Where(r => r.Cow.LatestMeasuredAt > latest
                        || (r.Cow.LatestMeasuredAt == latest && string.Compare(r.Cow.CowId, after.CowId) > 0));
                }

                return rows.OrderBy(r => r.Cow.LatestMeasuredAt).ThenBy(r => r.Cow.CowId);
            default:
                if (after is not null)
                {
                    rows = rows.Where(r => string.Compare(r.Cow.CowId, after.CowId) > 0);
                }

                return rows.OrderBy(r => r.Cow.CowId);
        }
    }
}
