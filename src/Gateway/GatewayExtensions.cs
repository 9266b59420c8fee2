using CowHealth.Gateway.Acknowledgement;
using CowHealth.Gateway.AlertStream;
using CowHealth.Gateway.HerdApp;
using CowHealth.Gateway.Security;
using CowHealth.Storage;
using Scalar.AspNetCore;

namespace CowHealth.Gateway;

public static class GatewayExtensions
{
    /// <summary>Everything the Gateway serves from: storage, the OpenAPI description, the read side's settings, API keys and limits, Kafka for commands and the live stream, and the herd app.</summary>
    public static IHostApplicationBuilder AddGateway(this IHostApplicationBuilder builder)
    {
        builder.Services.AddCowHealthStorage(builder.Configuration);
        builder.Services.AddOpenApi();
        builder.Services.AddGatewayReads(builder.Configuration);
        builder.Services.AddGatewaySecurity();
        builder.Services.AddAcknowledgements();
        builder.Services.AddAlertStream();
        builder.AddHerdApp();
        return builder;
    }

    /// <summary>
    /// The herd app at <c>/</c>, the REST API under <c>/api</c>, its OpenAPI document at <c>/openapi/v1.json</c> and a browsable reference at <c>/scalar</c>.
    /// </summary>
    public static WebApplication MapGateway(this WebApplication app)
    {
        app.UseGatewaySecurity();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference().AllowAnonymous();
        app.MapGatewayReads().RequireReadAccess();
        app.MapAcknowledgementApi();
        app.MapAlertStreamApi();
        app.MapHerdApp();
        return app;
    }
}
