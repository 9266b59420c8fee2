using CowHealth.Contracts;
using CowHealth.Gateway.Querying;
using CowHealth.Storage;
using CowHealth.Storage.Alerts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CowHealth.Gateway.Alerts;

/// <summary>Alerts to look through and one alert with its history. Acknowledging and the live stream live beside these.</summary>
public static class AlertReadApi
{
    public static RouteGroupBuilder MapAlertReads(this IEndpointRouteBuilder routes)
    {
        var alerts = routes.MapGroup("/api/alerts").WithTags("Alerts");
        alerts.MapGet("/", ListAlerts)
            .WithName("ListAlerts")
            .WithSummary("Alerts, newest raised first, a page at a time.")
            .WithParameters(
                ApiParameter.AnyOf<AlertStatus>("status", "Only alerts in one of these statuses (an open alert is Raised, Escalated or Acknowledged)."),
                ApiParameter.AnyOf<HealthCondition>("condition", "Only alerts for one of these conditions."),
                ApiParameter.AnyOf<AlertSeverity>("severity", "Only alerts of one of these severities."),
                ApiParameter.Id("farmId", "Only this farm's alerts."),
                ApiParameter.Id("cowId", "Only this cow's alerts."),
                ApiParameter.Time("from", "Only alerts raised at or after this (RFC 3339 with a zone)."),
                ApiParameter.Time("to", "Only alerts raised before this; after from."),
                ApiParameter.PageSize,
                ApiParameter.Cursor);
        alerts.MapGet("/{alertId}", GetAlert)
            .WithName("GetAlert")
            .WithSummary("One alert with its evidence and every step of its life, oldest first.")
            .WithParameters(ApiParameter.Uuid("alertId", "The alert's id."))
            .ProducesProblem(StatusCodes.Status404NotFound);
        return alerts;
    }

    private static async Task<Results<Ok<Page<AlertView>>, ValidationProblem>> ListAlerts(
        string[]? status, string[]? condition, string[]? severity, string? farmId, string? cowId, string? from, string? to,
        string? limit, string? cursor, CowHealthDb db, IOptions<PagingOptions> paging, CancellationToken cancellationToken)
    {
        var errors = new ParameterErrors();
        var statuses = errors.Enums<AlertStatus>(status, "status");
        var conditions = errors.Enums<HealthCondition>(condition, "condition");
        var severities = errors.Enums<AlertSeverity>(severity, "severity");
        var farm = errors.Id(farmId, "farmId");
        var cow = errors.Id(cowId, "cowId");
        var raisedFrom = errors.Time(from, "from");
        var raisedBefore = errors.Time(to, "to");
        errors.Ordered(raisedFrom, raisedBefore);
        var pageSize = errors.PageSize(limit, paging.Value);
        var after = errors.Cursor<AlertCursor>(cursor);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var filter = new AlertFilter(statuses, conditions, severities, farm, cow, raisedFrom?.UtcDateTime, raisedBefore?.UtcDateTime);
        var rows = await AlertList.Query(db, filter, after).AsNoTracking().Take(pageSize + 1).ToListAsync(cancellationToken);
        var page = rows.Take(pageSize).ToList();
        var next = rows.Count > pageSize ? PageCursor.Encode(new AlertCursor(AlertView.Utc(page[^1].RaisedAt), page[^1].CowId, page[^1].Condition)) : null;
        return TypedResults.Ok(new Page<AlertView>([.. page.Select(AlertView.From)], next));
    }

    private static async Task<Results<Ok<AlertDetailView>, ValidationProblem, ProblemHttpResult>> GetAlert(
        string alertId, CowHealthDb db, CancellationToken cancellationToken)
    {
        var errors = new ParameterErrors();
        var id = errors.Uuid(alertId, "alertId");
        if (errors.Any || id is null)
        {
            return errors.ToProblem();
        }

        var alert = await db.Alerts.AsNoTracking().FirstOrDefaultAsync(a => a.AlertId == id, cancellationToken);
        if (alert is null)
        {
            return TypedResults.Problem(
                title: "Unknown alert",
                detail: $"No alert with id '{id}' has been raised.",
                statusCode: StatusCodes.Status404NotFound);
        }

        var history = await db.AlertEvents.AsNoTracking()
            .Where(e => e.AlertId == id)
            .OrderBy(e => e.Position)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new AlertDetailView(AlertView.From(alert), [.. history.Select(AlertHistoryEntry.From)]));
    }
}
