using CowHealth.Gateway.Alerts;
using CowHealth.Gateway.Querying;
using CowHealth.Gateway.Readings;
using CowHealth.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CowHealth.Gateway.Cows;

/// <summary>The herd as farm staff see it: each cow with what her bolus said last and how she is doing.</summary>
public static class CowsApi
{
    public static RouteGroupBuilder MapCowsApi(this IEndpointRouteBuilder routes)
    {
        var cows = routes.MapGroup("/api/cows").WithTags("Cows");
        cows.MapGet("/", ListCows)
            .WithName("ListCows")
            .WithSummary("The herd, a page at a time: each cow with her latest reading, health state and open alert count.")
            .WithParameters(
                ApiParameter.Id("farmId", "Only this farm's cows."),
                ApiParameter.AnyOf<HealthState>("healthState", "Only cows in one of these health states."),
                ApiParameter.OneOf<CowSort>("sort", "CowId (default), HealthState (sickest first) or LatestReading (longest silent first); ties by cow id.", CowSort.CowId),
                ApiParameter.PageSize,
                ApiParameter.Cursor);
        cows.MapGet("/{cowId}", GetCow)
            .WithName("GetCow")
            .WithSummary("One cow: latest reading, health state, open alerts and her hourly baselines.")
            .WithParameters(ApiParameter.Id("cowId", "The cow's id.", required: true))
            .ProducesProblem(StatusCodes.Status404NotFound);
        return cows;
    }

    private static async Task<Results<Ok<Page<CowView>>, ValidationProblem>> ListCows(
        string? farmId, string[]? healthState, string? sort, string? limit, string? cursor,
        CowHealthDb db, IOptions<PagingOptions> paging, CancellationToken cancellationToken)
    {
        var errors = new ParameterErrors();
        var farm = errors.Id(farmId, "farmId");
        var states = errors.Enums<HealthState>(healthState, "healthState");
        var order = errors.Enum<CowSort>(sort, "sort") ?? CowSort.CowId;
        var pageSize = errors.PageSize(limit, paging.Value);
        var after = errors.Cursor<CowCursor>(cursor);
        if (after is not null && after.Sort != order)
        {
            errors.Add("cursor", $"was issued for sort {after.Sort}, not {order}.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var rows = await CowList.Query(db, farm, states, order, after).Take(pageSize + 1).ToListAsync(cancellationToken);
        var page = rows.Take(pageSize).ToList();
        var next = rows.Count > pageSize ? PageCursor.Encode(CowCursor.After(order, page[^1])) : null;
        return TypedResults.Ok(new Page<CowView>([.. page.Select(CowView.From)], next));
    }

    private static async Task<Results<Ok<CowDetailView>, ValidationProblem, ProblemHttpResult>> GetCow(
        string cowId, CowHealthDb db, CancellationToken cancellationToken)
    {
        var errors = new ParameterErrors();
        var id = errors.Id(cowId, "cowId", required: true);
        if (errors.Any || id is null)
        {
            return errors.ToProblem();
        }

        var row = await db.Cows.AsNoTracking().Where(c => c.CowId == id).WithHealth(db).FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return UnknownCow(id);
        }

        var openAlerts = await db.OpenAlerts().AsNoTracking()
            .Where(a => a.CowId == id)
            .OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.AlertId)
            .ToListAsync(cancellationToken);
        var state = await db.DetectionStates.AsNoTracking()
            .Where(s => s.CowId == id)
            .Select(s => s.SnapshotJson)
            .FirstOrDefaultAsync(cancellationToken);
        var cow = row.Cow;
        return TypedResults.Ok(new CowDetailView(
            cow.CowId,
            cow.FarmId,
            cow.SensorId,
            new DateTimeOffset(cow.FirstSeenAt, TimeSpan.Zero),
            ReadingView.LatestOf(cow),
            row.HealthState,
            [.. openAlerts.Select(AlertView.From)],
            state is null ? null : StoredBaselines.Decode(state, litres: cow.LatestWaterIntakeLitres is not null)));
    }

    /// <summary>404 for a cow no reading has come from.</summary>
    public static ProblemHttpResult UnknownCow(string cowId) => TypedResults.Problem(
        title: "Unknown cow",
        detail: $"No cow with id '{cowId}' has sent a reading.",
        statusCode: StatusCodes.Status404NotFound);
}
