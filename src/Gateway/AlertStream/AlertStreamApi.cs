using Confluent.Kafka;
using CowHealth.Gateway.Querying;
using CowHealth.Gateway.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CowHealth.Gateway.AlertStream;

/// <summary>
/// <c>GET /api/alerts/stream</c>: the alert lifecycle events of <c>cow-health-alerts</c> as they
/// happen, as Server-Sent Events, optionally for one farm. A client that reconnects with
/// <c>Last-Event-ID</c> gets exactly the events after that id, as long as the topic still keeps them.
/// </summary>
public static class AlertStreamApi
{
    public const string LastEventIdHeader = "Last-Event-ID";

    public static IServiceCollection AddAlertStream(this IServiceCollection services)
    {
        services.AddOptions<AlertStreamOptions>().BindConfiguration(AlertStreamOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AlertTopicReader>();
        services.AddSingleton<AlertStreamMetrics>();
        services.AddRateLimiter(limiter => limiter.AddPolicy<string, AlertStreamLimitPolicy>(AlertStreamLimitPolicy.Name));
        return services;
    }

    public static IEndpointRouteBuilder MapAlertStreamApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/alerts/stream", Stream)
            .WithTags("Alerts")
            .WithName("StreamAlerts")
            .WithSummary("Alert lifecycle events as they happen (Server-Sent Events), optionally for one farm.")
            .WithDescription(
                "Each event is named after its contract (AlertRaised, AlertEscalated, AlertAcknowledged, AlertResolved, AlertReopened, " +
                "AcknowledgementRejected) and carries it as JSON. Its id is the stream's position; reconnecting with Last-Event-ID " +
                "resumes right after it. A heartbeat event comes after 15 s without events; a gap event says that a resume " +
                "asked for events the topic no longer keeps.")
            .WithParameters(ApiParameter.Id("farmId", "Only this farm's events."))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .RequireReadAccess()
            .RequireRateLimiting(AlertStreamLimitPolicy.Name);
        return routes;
    }

    private static async Task<Results<ServerSentEventsResult<string>, ValidationProblem, ProblemHttpResult>> Stream(
        [FromQuery] string? farmId,
        [FromHeader(Name = LastEventIdHeader)] string? lastEventId,
        HttpContext http,
        AlertTopicReader reader,
        IOptions<AlertStreamOptions> options,
        TimeProvider clock,
        IHostApplicationLifetime lifetime,
        AlertStreamMetrics metrics,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var errors = new ParameterErrors();
        var farm = errors.Id(farmId, "farmId");
        StreamPosition? resumeFrom = null;
        if (!string.IsNullOrEmpty(lastEventId) && !StreamPosition.TryParse(lastEventId, out resumeFrom, out var malformed))
        {
            errors.Add(LastEventIdHeader, malformed);
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        AlertTopicCursor? cursor;
        string? problem;
        try
        {
            (cursor, problem) = await reader.OpenAsync(resumeFrom, cancellationToken);
        }
        catch (KafkaException ex)
        {
            loggers.CreateLogger(typeof(AlertStreamApi)).LogWarning(ex, "No alert stream: Kafka did not answer");
            http.Response.Headers.RetryAfter = "5";
            return TypedResults.Problem("Kafka, where alert events come from, is not answering. Try again shortly.",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Alert stream unavailable");
        }

        if (cursor is null)
        {
            errors.Add(LastEventIdHeader, problem!);
            return errors.ToProblem();
        }

        // The stream closes its cursor when it ends; this covers a response that fails before the stream starts.
        http.Response.RegisterForDispose(cursor);
        // Proxies that buffer responses (nginx) would hold events back.
        http.Response.Headers["X-Accel-Buffering"] = "no";
        var events = new AlertStreamEvents(cursor, farm, options.Value.HeartbeatInterval, clock, metrics, loggers.CreateLogger(typeof(AlertStreamApi)));
        return TypedResults.ServerSentEvents(events.ReadAsync(lifetime.ApplicationStopping));
    }
}
