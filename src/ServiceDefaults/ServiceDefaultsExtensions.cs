using CowHealth.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Prometheus;

namespace CowHealth.ServiceDefaults;

/// <summary>What every CowHealth service has: problem details, the shared JSON shape, health and metrics (<see cref="ServiceMetrics"/>).</summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>Health checks tagged with this take part in <c>/health/live</c>.</summary>
    public const string LiveTag = "live";

    /// <summary>Health checks tagged with this take part in <c>/health/ready</c>.</summary>
    public const string ReadyTag = "ready";

    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = CowHealthJson.SharedOptions.PropertyNamingPolicy;
            json.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, CowHealthJson.Default);
        });
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<ServiceMetricsOptions>().BindConfiguration(ServiceMetricsOptions.Section);
        builder.Services.AddSingleton<ServiceMetrics>();
        ServiceMetrics.KeepMassTransitMeterForProcess(builder.Environment.ApplicationName);
        return builder;
    }

    public static WebApplication MapServiceDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        // A bare error status (a route that does not exist, a method a path does not serve, a body the framework
        // would not bind) gets a problem body. Through ProblemHttpResult rather than the default, which writes
        // text/plain to a client whose Accept names neither JSON nor */*: an error is problem+json for every client.
        app.UseStatusCodePages(context => TypedResults.Problem(statusCode: context.HttpContext.Response.StatusCode).ExecuteAsync(context.HttpContext));
        // Built here, before the host starts, so the meters are listened to before anything counts.
        var metrics = app.Services.GetRequiredService<ServiceMetrics>();
        app.UseHttpMetrics(http => http.SetMetricFactory(metrics.Factory));
        // Probes and Prometheus carry no credentials: these stay open where a service asks for keys elsewhere.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) }).AllowAnonymous();
        app.MapMetrics(export => export.Registry = metrics.Registry).AllowAnonymous();
        return app;
    }
}
