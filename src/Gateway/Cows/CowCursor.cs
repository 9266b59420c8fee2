namespace CowHealth.Gateway.Cows;

/// <summary>Where a page of the herd list ended: the last cow's sort key and id.</summary>
public sealed record CowCursor(CowSort Sort, string CowId, int HealthRank, DateTimeOffset LatestMeasuredAt)
{
    public static CowCursor After(CowSort sort, CowWithHealth last) =>
        new(sort, last.Cow.CowId, last.HealthRank, new DateTimeOffset(last.Cow.LatestMeasuredAt, TimeSpan.Zero));
}
