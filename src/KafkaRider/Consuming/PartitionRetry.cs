using Confluent.Kafka;
using CowHealth.KafkaRider.Failures;
using Microsoft.Extensions.Logging;

namespace CowHealth.KafkaRider.Consuming;

/// <summary>
/// Runs one partition's steps (a dispatch, a park) until they pass. A transient failure holds the
/// partition and tries again after a pause that doubles up to <see cref="KafkaOptions.TransientRetryMax"/>,
/// for as long as it takes: nothing behind the failed record is handled, so nothing past it is
/// committed. A poison failure is handed back to the caller to park.
/// </summary>
internal sealed class PartitionRetry(
    TopicPartition partition, FailureClassifier classifier, SemaphoreSlim concurrency, KafkaOptions kafka, KafkaRiderMetrics metrics, ILogger logger)
{
    private volatile bool _failing;

    /// <summary>The last attempt failed transiently and the partition is waiting to try again.</summary>
    public bool Failing => _failing;

    /// <summary>Runs <paramref name="step"/> until it succeeds; throws only a poison failure (or cancellation).</summary>
    public Task Run(Func<Task> step, CancellationToken cancellationToken) =>
        Run(step, everyFailureIsTransient: false, cancellationToken);

    /// <summary>
    /// Runs <paramref name="step"/> until it succeeds, whatever fails: for parking a record, which must
    /// not be skipped (the record would be lost) and cannot be parked anywhere else.
    /// </summary>
    public Task RunToTheEnd(Func<Task> step, CancellationToken cancellationToken) =>
        Run(step, everyFailureIsTransient: true, cancellationToken);

    private async Task Run(Func<Task> step, bool everyFailureIsTransient, CancellationToken cancellationToken)
    {
        var attempt = 0;
        var pause = kafka.TransientRetryFirst;
        while (true)
        {
            await concurrency.WaitAsync(cancellationToken);
            try
            {
                await step();
                if (_failing)
                {
                    _failing = false;
                    logger.LogInformation("Partition {Partition} resumed after {Attempts} failed attempts", partition, attempt);
                }

                return;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested &&
                                       (everyFailureIsTransient || classifier.Classify(ex) == FailureClass.Transient))
            {
                attempt++;
                _failing = true;
                metrics.TransientFailures.Add(1, KafkaRiderMetrics.Topic(partition.Topic));
                if (attempt == 1)
                {
                    logger.LogWarning(ex, "Partition {Partition} holds: a transient failure ({Reason}); retrying until it passes",
                        partition, ex.GetBaseException().Message);
                }
                else
                {
                    logger.LogDebug("Partition {Partition} still failing (attempt {Attempt}): {Reason}", partition, attempt, ex.GetBaseException().Message);
                }
            }
            finally
            {
                concurrency.Release();
            }

            await Task.Delay(pause, cancellationToken);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, kafka.TransientRetryMax.Ticks));
        }
    }
}
