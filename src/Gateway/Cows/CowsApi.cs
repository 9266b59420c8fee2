using CowHealth.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CowHealth.Gateway.Cows;

/// <summary>The herd as farm staff see it: each cow with what her bolus said last.</summary>
public static class CowsApi
{
    public static IEndpointRouteBuilder MapCowsApi(this IEndpointRouteBuilder routes)
    {
        var cows = routes.MapGroup("/api/cows").WithTags("Cows");
        cows.MapGet("/", ListCows).WithName("ListCows").WithSummary("Every cow with her latest reading.");
        cows.MapGet("/{cowId}", GetCow).WithName("GetCow").WithSummary("One cow with her latest reading.");
        return routes;
    }

    private static async Task<Ok<IReadOnlyList<CowView>>> ListCows(CowHealthDb db, CancellationToken cancellationToken)
    {
        var cows = await db.Cows.AsNoTracking().OrderBy(c => c.FarmId).ThenBy(c => c.CowId).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<CowView>>(cows.Select(CowView.From).ToList());
    }

    private static async Task<Results<Ok<CowView>, ProblemHttpResult>> GetCow(string cowId, CowHealthDb db, CancellationToken cancellationToken)
    {
        var cow = await db.Cows.AsNoTracking().FirstOrDefaultAsync(c => c.CowId == cowId, cancellationToken);
        return cow is null
            ? TypedResults.Problem(
                title: "Unknown cow",
                detail: $"No cow with id '{cowId}' has sent a reading.",
                statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(CowView.From(cow));
    }
}
