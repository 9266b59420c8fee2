using CowHealth.Gateway.Cows;
using CowHealth.Gateway.Querying;
using CowHealth.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CowHealth.Gateway.Readings;

/// <summary>A cow's history: what her bolus reported over a window, raw or per hour or day.</summary>
public static class ReadingsApi
{
    public static RouteGroupBuilder MapReadingsApi(this IEndpointRouteBuilder routes)
    {
        var readings = routes.MapGroup("/api/cows/{cowId}/readings").WithTags("Readings");
        readings.MapGet("/", GetReadings)
            .WithName("GetCowReadings")
            .WithSummary("A cow's readings in [from, to): raw, or min/mean/max per measure per hour or day, computed in the database.")
            .WithParameters(
                ApiParameter.Id("cowId", "The cow's id.", required: true),
                ApiParameter.Time("from", "Start of the window (inclusive), RFC 3339 with a zone.", required: true),
                ApiParameter.Time("to", "End of the window (exclusive); after from, and at most the resolution's longest span later (Gateway:Readings settings).", required: true),
                ApiParameter.OneOf<ReadingResolution>("resolution", "Raw (default), Hourly or Daily.", ReadingResolution.Raw))
            .ProducesProblem(StatusCodes.Status404NotFound);
        return readings;
    }

    private static async Task<Results<Ok<CowReadingsView>, ValidationProblem, ProblemHttpResult>> GetReadings(
        string cowId, string? from, string? to, string? resolution,
        CowHealthDb db, IOptions<ReadingWindowOptions> windows, CancellationToken cancellationToken)
    {
        var errors = new ParameterErrors();
        var id = errors.Id(cowId, "cowId", required: true);
        var start = errors.Time(from, "from", required: true);
        var end = errors.Time(to, "to", required: true);
        var detail = errors.Enum<ReadingResolution>(resolution, "resolution") ?? ReadingResolution.Raw;
        errors.Ordered(start, end);
        var maxSpan = windows.Value.MaxSpan(detail);
        if (start is { } s && end is { } e && e > s && e - s > maxSpan)
        {
            errors.Add("to", $"is {(e - s).TotalDays:0.##} days after from; {detail} readings span at most {maxSpan.TotalDays:0.##} days.");
        }

        if (errors.Any || id is null || start is null || end is null)
        {
            return errors.ToProblem();
        }

        var (fromUtc, toUtc) = (start.Value.UtcDateTime, end.Value.UtcDateTime);
        if (detail == ReadingResolution.Raw)
        {
            var raw = await ReadingQueries.Raw(db, id, fromUtc, toUtc).ToListAsync(cancellationToken);
            return raw.Count == 0 && !await CowExists(db, id, cancellationToken)
                ? CowsApi.UnknownCow(id)
                : TypedResults.Ok(new CowReadingsView(id, start.Value, end.Value, detail, raw, null));
        }

        var buckets = await ReadingQueries.Buckets(db, id, fromUtc, toUtc, detail).ToListAsync(cancellationToken);
        return buckets.Count == 0 && !await CowExists(db, id, cancellationToken)
            ? CowsApi.UnknownCow(id)
            : TypedResults.Ok(new CowReadingsView(id, start.Value, end.Value, detail, null, [.. buckets.Select(b => b.ToView())]));
    }

    /// <summary>Asked only when the window is empty: readings in it already prove she exists.</summary>
    private static Task<bool> CowExists(CowHealthDb db, string cowId, CancellationToken cancellationToken) =>
        db.Cows.AnyAsync(c => c.CowId == cowId, cancellationToken);
}
