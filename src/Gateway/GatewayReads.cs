using CowHealth.Gateway.Alerts;
using CowHealth.Gateway.Cows;
using CowHealth.Gateway.Herd;
using CowHealth.Gateway.Querying;
using CowHealth.Gateway.Readings;

namespace CowHealth.Gateway;

/// <summary>The read side of the API: cows, their readings, alerts and the herd summary.</summary>
public static class GatewayReads
{
    public static IServiceCollection AddGatewayReads(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PagingOptions>().Bind(configuration.GetSection(PagingOptions.Section))
            .ValidateDataAnnotations()
            .Validate(p => p.DefaultPageSize <= p.MaxPageSize, $"{PagingOptions.Section}:DefaultPageSize must not exceed MaxPageSize.")
            .ValidateOnStart();
        services.AddOptions<ReadingWindowOptions>().Bind(configuration.GetSection(ReadingWindowOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<HerdSummaryOptions>().Bind(configuration.GetSection(HerdSummaryOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    /// <summary>Maps every read endpoint in one group, to which an access policy can be attached as a whole.</summary>
    public static RouteGroupBuilder MapGatewayReads(this IEndpointRouteBuilder routes)
    {
        var reads = routes.MapGroup("");
        reads.MapCowsApi();
        reads.MapReadingsApi();
        reads.MapAlertReads();
        reads.MapHerdApi();
        return reads;
    }
}
