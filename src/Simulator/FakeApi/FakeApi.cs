using CowHealth.Simulator.Herd;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CowHealth.Simulator.FakeApi;

/// <summary>The HTTP face of the simulated farm: what a bolus vendor's cloud API would show.</summary>
public static class FakeApi
{
    public static IEndpointRouteBuilder MapFakeApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/herd", ListHerd).WithName("ListHerd");
        return routes;
    }

    private static Ok<IReadOnlyList<HerdCowView>> ListHerd(HerdModel herd) =>
        TypedResults.Ok<IReadOnlyList<HerdCowView>>(
            herd.Cows.Select(c => new HerdCowView(c.CowId, c.FarmId, c.SensorId, c.HasPhBolus)).ToList());
}

/// <summary>A cow and the bolus she carries.</summary>
public sealed record HerdCowView(string CowId, string FarmId, string SensorId, bool HasPhBolus);
