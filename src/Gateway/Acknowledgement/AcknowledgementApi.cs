using Confluent.Kafka;
using CowHealth.Contracts;
using CowHealth.Gateway.Querying;
using CowHealth.Gateway.Security;
using CowHealth.KafkaRider;
using CowHealth.KafkaRider.Registration;
using MassTransit;
using CowHealth.Storage;
using CowHealth.Storage.Alerts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CowHealth.Gateway.Acknowledgement;

/// <summary>
/// A person takes an alert on. The Gateway checks what it can see (the alert exists and is not
/// resolved) and hands an <see cref="AcknowledgeAlert"/> command to the alert's saga through
/// <c>cow-health-commands</c>; the Processor records it and publishes <see cref="AlertAcknowledged"/>.
/// </summary>
public static class AcknowledgementApi
{
    /// <summary>The command producer (the Kafka rider's, through MassTransit) and how long a request waits for Kafka.</summary>
    public static IServiceCollection AddAcknowledgements(this IServiceCollection services)
    {
        services.AddSingleton<AcknowledgementMetrics>();
        services.AddScoped<AlertAcknowledger>();
        services.AddOptions<AcknowledgementOptions>().BindConfiguration(AcknowledgementOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddMassTransit(bus =>
        {
            bus.UsingInMemory();
            bus.AddRider(rider => rider.AddProducer<AcknowledgeAlert>(Topics.Commands));
        });
        return services;
    }

    public static IEndpointRouteBuilder MapAcknowledgementApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/alerts/{alertId}/acknowledge", Acknowledge)
            .WithTags("Alerts")
            .WithName("AcknowledgeAlert")
            .WithSummary("Take an alert on: who, and an optional note. Needs an API key.")
            .WithDescription(
                "Answers 202 once Kafka has the command; the alert reads Acknowledged when the Processor has handled it, " +
                "and the live stream shows AlertAcknowledged. Acknowledging an acknowledged alert again is harmless.")
            .WithParameters(ApiParameter.Uuid("alertId", "The alert to take on."))
            .Accepts<AcknowledgementRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .RequireWriteAccess();
        return routes;
    }

    private static async Task<Results<Accepted<AcknowledgementAccepted>, ValidationProblem, ProblemHttpResult>> Acknowledge(
        string alertId, HttpContext http, AlertAcknowledger acknowledger, CancellationToken cancellationToken)
    {
        var errors = new ParameterErrors();
        if (errors.Uuid(alertId, "alertId") is not { } id)
        {
            return errors.ToProblem();
        }

        var (body, problem) = await AcknowledgementBody.ReadAsync(http.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var (outcome, command) = await acknowledger.AcknowledgeAsync(id, body!, http.User.Identity?.Name, cancellationToken);
        switch (outcome)
        {
            case AcknowledgementOutcome.UnknownAlert:
                return TypedResults.Problem($"No alert with id '{id}' exists.", statusCode: StatusCodes.Status404NotFound, title: "Unknown alert");
            case AcknowledgementOutcome.AlreadyResolved:
                return TypedResults.Problem(
                    $"Alert '{id}' is already resolved: there is nothing left to take on.",
                    statusCode: StatusCodes.Status409Conflict, title: "Alert already resolved");
            case AcknowledgementOutcome.NotConfirmed:
                http.Response.Headers.RetryAfter = "5";
                return TypedResults.Problem(
                    "Kafka did not confirm the acknowledgement in time. It may still arrive; sending it again is harmless.",
                    statusCode: StatusCodes.Status503ServiceUnavailable, title: "Acknowledgement not confirmed");
            default:
                return TypedResults.Accepted(
                    $"/api/alerts/{id}",
                    new AcknowledgementAccepted(id, command!.CowId, command.AcknowledgedBy, command.Note, command.RequestedAt));
        }
    }
}
