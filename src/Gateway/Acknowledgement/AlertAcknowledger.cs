using Confluent.Kafka;
using CowHealth.Contracts;
using CowHealth.KafkaRider;
using CowHealth.Storage;
using CowHealth.Storage.Alerts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CowHealth.Gateway.Acknowledgement;

/// <summary>What became of an acknowledgement.</summary>
public enum AcknowledgementOutcome
{
    /// <summary>Kafka has the command; the alert reads Acknowledged once the Processor has handled it.</summary>
    Accepted,

    UnknownAlert,

    AlreadyResolved,

    /// <summary>Kafka did not confirm in time; it may still arrive, and sending again is harmless.</summary>
    NotConfirmed,
}

/// <summary>
/// Hands a person's acknowledgement to the alert's saga: checks what the Gateway can see (the alert
/// exists and is not resolved), then produces <see cref="AcknowledgeAlert"/> to <c>cow-health-commands</c>.
/// The API and the herd app's form both come through here.
/// </summary>
public sealed class AlertAcknowledger(
    CowHealthDb db,
    ITopicProducer<AcknowledgeAlert> commands,
    TimeProvider clock,
    IOptions<AcknowledgementOptions> options,
    AcknowledgementMetrics metrics,
    ILogger<AlertAcknowledger> logger)
{
    /// <param name="request">Already validated (<see cref="AcknowledgementRequest.Validate"/>).</param>
    /// <param name="client">The API client or signed-in key's name, for the log.</param>
    public async Task<(AcknowledgementOutcome Outcome, AcknowledgeAlert? Command)> AcknowledgeAsync(
        Guid alertId, AcknowledgementRequest request, string? client, CancellationToken cancellationToken)
    {
        var alert = await db.Alerts.AsNoTracking()
            .Where(a => a.AlertId == alertId)
            .Select(a => new { a.CowId, a.Status })
            .FirstOrDefaultAsync(cancellationToken);
        if (alert is null)
        {
            metrics.UnknownAlert();
            return (AcknowledgementOutcome.UnknownAlert, null);
        }

        if (alert.Status == AlertStatus.Resolved)
        {
            metrics.AlreadyResolved();
            return (AcknowledgementOutcome.AlreadyResolved, null);
        }

        var command = new AcknowledgeAlert(alertId, alert.CowId, request.AcknowledgedBy!, request.Note, clock.GetUtcNow()) { AcknowledgementId = Guid.NewGuid() };
        try
        {
            await commands.Produce(command, cancellationToken).WaitAsync(options.Value.CommandTimeout, cancellationToken);
        }
        catch (Exception ex) when (ex is TimeoutException or KafkaException)
        {
            metrics.NotConfirmed();
            logger.LogWarning(ex, "The acknowledgement of alert {AlertId} did not reach Kafka", alertId);
            return (AcknowledgementOutcome.NotConfirmed, command);
        }

        metrics.Accepted();
        logger.LogInformation("Alert {AlertId} acknowledged through client {Client}", alertId, client);
        return (AcknowledgementOutcome.Accepted, command);
    }
}
