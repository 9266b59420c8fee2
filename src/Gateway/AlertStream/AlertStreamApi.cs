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
        services.AddSingleton<AlertFeed>();
        services.AddSingleton<AlertTopicReader>();
        services.AddSingleton<StreamAdmission>();
        services.AddSingleton<AlertStreamMetrics>();
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
                "asked for events the topic no longer keeps. While the Gateway cannot reach Kafka the stream stays open and sends an " +
                "unavailable event ({\"reason\":\"All Kafka brokers are down.\"}, with the position as id) at once and then instead of each " +
                "heartbeat; heartbeats and events resume when Kafka is back, with nothing lost.")
            .WithParameters(ApiParameter.Id("farmId", "Only this farm's events."))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireReadAccess();
        return routes;
    }

    private static async Task<Results<ServerSentEventsResult<string>, ValidationProblem, ProblemHttpResult>> Stream(
        [FromQuery] string? farmId,
        [FromHeader(Name = LastEventIdHeader)] string? lastEventId,
        HttpContext http,
        StreamAdmission admission,
        AlertFeed feed,
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

        var (ticket, refusal) = admission.Admit(ClientOf(http));
        if (ticket is null)
        {
            http.Response.Headers.RetryAfter = "5";
            return refusal == StreamRefusal.TooManyForClient
                ? TypedResults.Problem($"This client holds {options.Value.MaxStreamsPerClient} live streams already; close one first.",
                    statusCode: StatusCodes.Status429TooManyRequests, title: "Too many live streams for this client")
                : TypedResults.Problem($"The Gateway serves at most {options.Value.MaxStreams} live alert streams at once. Try again shortly.",
                    statusCode: StatusCodes.Status503ServiceUnavailable, title: "Too many live streams");
        }

        // The stream's place is held until the request ends, however it ends.
        http.Response.RegisterForDispose(ticket);
        IAlertSource source;
        try
        {
            if (await feed.SubscribeAsync(resumeFrom, cancellationToken) is { } subscription)
            {
                source = subscription;
            }
            else
            {
                // Further back than the shared feed keeps: a reader of its own, of which only a few may run.
                if (admission.AdmitCatchUp() is not { } catchUp)
                {
                    http.Response.Headers.RetryAfter = "5";
                    return TypedResults.Problem(
                        $"At most {options.Value.MaxCatchUpStreams} streams at once may resume from further back than the Gateway keeps in memory. Try again shortly.",
                        statusCode: StatusCodes.Status503ServiceUnavailable, title: "Too many streams catching up");
                }

                http.Response.RegisterForDispose(catchUp);
                var (cursor, problem) = await reader.OpenAsync(resumeFrom, cancellationToken);
                if (cursor is null)
                {
                    errors.Add(LastEventIdHeader, problem!);
                    return errors.ToProblem();
                }

                source = cursor;
            }
        }
        catch (KafkaException ex)
        {
            loggers.CreateLogger(typeof(AlertStreamApi)).LogWarning(ex, "No alert stream: Kafka did not answer");
            http.Response.Headers.RetryAfter = "5";
            return TypedResults.Problem("Kafka, where alert events come from, is not answering. Try again shortly.",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Alert stream unavailable");
        }

        // The stream closes its source when it ends; this covers a response that fails before the stream starts.
        http.Response.RegisterForDispose(source);
        // Proxies that buffer responses (nginx) would hold events back.
        http.Response.Headers["X-Accel-Buffering"] = "no";
        var events = new AlertStreamEvents(source, farm, options.Value.HeartbeatInterval, clock, metrics, loggers.CreateLogger(typeof(AlertStreamApi)));
        return TypedResults.ServerSentEvents(events.ReadAsync(lifetime.ApplicationStopping));
    }

    /// <summary>Whom a stream counts against: an API client or signed-in key by name, anyone else by address.</summary>
    private static string ClientOf(HttpContext http) =>
        http.User.Identity is { IsAuthenticated: true, Name: { } name } ? "client:" + name : "address:" + http.Connection.RemoteIpAddress;
}
