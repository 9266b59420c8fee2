using CowHealth.Gateway.Cows;
using CowHealth.Storage;
using Scalar.AspNetCore;

namespace CowHealth.Gateway;

public static class GatewayExtensions
{
    /// <summary>Everything the Gateway serves from: storage and the OpenAPI description.</summary>
    public static IHostApplicationBuilder AddGateway(this IHostApplicationBuilder builder)
    {
        builder.Services.AddCowHealthStorage(builder.Configuration);
        builder.Services.AddOpenApi();
        return builder;
    }

    /// <summary>
    /// The REST API, its OpenAPI document at <c>/openapi/v1.json</c> and a browsable reference at <c>/scalar</c>.
    /// </summary>
    public static WebApplication MapGateway(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference();
        app.MapCowsApi();
        return app;
    }
}
