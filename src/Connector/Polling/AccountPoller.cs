using CowHealth.Connector.Accounts;
using CowHealth.Connector.Positions;
using CowHealth.Contracts;
using CowHealth.KafkaRider;
using Microsoft.Extensions.Options;

namespace CowHealth.Connector.Polling;

/// <summary>
/// Reads one vendor account into <see cref="Topics.Readings"/>: fetch the page after the stored
/// cursor, send it, wait until Kafka acknowledged all of it, and only then store the page's
/// <c>next</c>. A crash anywhere in between sends the page again on restart; readings keep their
/// ReadingId, so the Processor stores each once. Nothing is skipped: a failure backs off and tries
/// the same cursor again.
/// </summary>
public sealed class AccountPoller(
    VendorClient vendor,
    ITopicProducer<SensorReading> producer,
    VendorPositions positions,
    ConnectorMetrics metrics,
    IOptions<ConnectorOptions> options,
    TimeProvider clock,
    ILogger<AccountPoller> logger)
{
    public async Task Run(string name, VendorAccountOptions account, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var backoff = new PollBackoff(settings);
        metrics.Started(name);
        long? position = null;
        var positionLoaded = false;
        var failuresInARow = 0;
        logger.LogInformation("Polling vendor account {Account} at {Address}", name, account.SafeAddress);
        while (!cancellationToken.IsCancellationRequested)
        {
            TimeSpan pause;
            try
            {
                if (!positionLoaded)
                {
                    position = await positions.Load(name, cancellationToken);
                    positionLoaded = true;
                    logger.LogInformation("Vendor account {Account} resumes after position {Position}", name, position?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none: from the oldest reading the vendor has)");
                }

                var page = await vendor.ReadingsAfter(account, position, cancellationToken);
                if (page.Missed > 0)
                {
                    metrics.Missed(name, page.Missed);
                    logger.LogWarning("Vendor account {Account} no longer had {Missed} reading(s) after position {Position}: they are lost", name, page.Missed, position);
                }

                if (page.Readings.Count > 0)
                {
                    await producer.ProduceMany(page.Readings, cancellationToken);
                    metrics.Produced(name, page.Readings.Count);
                }

                if (page.Next != position)
                {
                    await positions.Save(name, page.Next, cancellationToken);
                    position = page.Next;
                }

                failuresInARow = 0;
                if (page.Readings.Count >= settings.PageSize)
                {
                    // Behind: the next page is already there.
                    continue;
                }

                metrics.CaughtUp(name);
                pause = settings.PollInterval;
            }
            catch (VendorUnavailableException ex)
            {
                failuresInARow++;
                metrics.PollFailed(name, ex.Reason);
                pause = backoff.After(failuresInARow, ex.RetryAfter);
                logger.LogWarning("Polling vendor account {Account} failed ({Failures} in a row): {Reason}; next try in {Pause:0.###} s",
                    name, failuresInARow, ex.Message, pause.TotalSeconds);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Kafka or the database: the cursor did not move, so the same page is fetched and sent again.
                failuresInARow++;
                metrics.PollFailed(name, PollFailure.Downstream);
                pause = backoff.After(failuresInARow, null);
                logger.LogWarning(ex, "Sending or storing the readings of vendor account {Account} failed ({Failures} in a row); the same page again in {Pause:0.###} s",
                    name, failuresInARow, pause.TotalSeconds);
            }

            try
            {
                await Task.Delay(pause, clock, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
