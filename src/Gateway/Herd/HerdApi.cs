using CowHealth.Gateway.Querying;
using CowHealth.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CowHealth.Gateway.Herd;

/// <summary>Each farm at a glance: how the cows are, what is open, whether the sensors are talking.</summary>
public static class HerdApi
{
    public static RouteGroupBuilder MapHerdApi(this IEndpointRouteBuilder routes)
    {
        var herd = routes.MapGroup("/api/herd").WithTags("Herd");
        herd.MapGet("/summary", GetSummary)
            .WithName("GetHerdSummary")
            .WithSummary("Per farm: cows by health state, open alerts by condition and severity, readings in the last hour, cows whose sensor is offline.")
            .WithParameters(ApiParameter.Id("farmId", "Only this farm."));
        return herd;
    }

    private static async Task<Results<Ok<HerdSummaryView>, ValidationProblem>> GetSummary(
        string? farmId, CowHealthDb db, TimeProvider clock, IOptions<HerdSummaryOptions> options, CancellationToken cancellationToken)
    {
        var errors = new ParameterErrors();
        var farm = errors.Id(farmId, "farmId");
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        return TypedResults.Ok(await HerdSummaryQuery.Run(db, farm, clock.GetUtcNow(), options.Value.SensorOfflineAfter, cancellationToken));
    }
}
