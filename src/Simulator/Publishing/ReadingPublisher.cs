using CowHealth.Contracts;
using CowHealth.KafkaRider;
using CowHealth.Simulator.Clock;
using CowHealth.Simulator.Herd;

namespace CowHealth.Simulator.Publishing;

/// <summary>
/// Sends every cow's reading for each interval to <see cref="Topics.Readings"/>, keyed by cow id,
/// as soon as the simulation clock says the interval is due. While catching up (backfill,
/// accelerated start) it keeps several intervals in flight so generating and sending overlap;
/// the bound on them is the back-pressure. A failed send is sent again, never dropped.
/// </summary>
public sealed class ReadingPublisher(
    HerdModel herd,
    ITopicProducer<SensorReading> producer,
    SimulationClock clock,
    RecentReadings recent,
    SimulatorMetrics metrics,
    TimeProvider wallClock,
    ILogger<ReadingPublisher> logger) : BackgroundService
{
    /// <summary>
    /// Readings generated but not yet acknowledged, at most. Enough to keep the broker busy while the
    /// next interval is generated; far below librdkafka's queue (100,000 messages), so sending never
    /// fails for a full queue, and memory stays a few megabytes whatever the days backfilled.
    /// </summary>
    public const int MaxReadingsInFlight = 20_000;

    /// <summary>Pause before sending a failed interval again; librdkafka has already retried within it.</summary>
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var schedule = clock.Schedule;
        logger.LogInformation(
            "Simulating {Cows} cows from {Start:O} in {Mode} mode{End}",
            herd.Cows.Count, schedule.FirstReadingAt, schedule.Mode, schedule.EndsBefore is { } e ? $" until {e:O}" : string.Empty);

        var inFlight = new Queue<IntervalInFlight>();
        var readingsInFlight = 0;
        try
        {
            for (var at = schedule.FirstReadingAt; schedule.Covers(at); at += herd.SensorInterval)
            {
                var wait = schedule.WallTimeWhenDue(at) - wallClock.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    // Caught up: let everything sent be acknowledged before idling until the next interval.
                    while (inFlight.Count > 0)
                    {
                        readingsInFlight -= await Acknowledge(inFlight.Dequeue(), stoppingToken);
                    }

                    await Task.Delay(wait, wallClock, stoppingToken);
                }

                var sending = Send(at, stoppingToken);
                inFlight.Enqueue(sending);
                readingsInFlight += sending.Readings.Length;
                while (readingsInFlight > MaxReadingsInFlight || (inFlight.Count > 0 && inFlight.Peek().Delivery.IsCompleted))
                {
                    readingsInFlight -= await Acknowledge(inFlight.Dequeue(), stoppingToken);
                }
            }

            while (inFlight.Count > 0)
            {
                await Acknowledge(inFlight.Dequeue(), stoppingToken);
            }

            logger.LogInformation("Backfill complete up to {End:O}", schedule.EndsBefore);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is in flight is flushed by the producer when it is disposed.
        }
    }

    private IntervalInFlight Send(DateTimeOffset measuredAt, CancellationToken cancellationToken)
    {
        // Sealing first means an injection arriving now can only start after this interval.
        herd.Scenarios.SealThrough(measuredAt);
        var readings = new List<SensorReading>(herd.Cows.Count);
        foreach (var cow in herd.Cows)
        {
            if (herd.ReadingOf(cow, measuredAt) is { } reading)
            {
                readings.Add(reading);
            }
        }

        var batch = readings.ToArray();
        return new IntervalInFlight(measuredAt, batch, batch.Length == 0 ? Task.CompletedTask : producer.ProduceMany(batch, cancellationToken));
    }

    /// <summary>Waits until the broker has the whole interval, sending it again after a failure.</summary>
    private async Task<int> Acknowledge(IntervalInFlight interval, CancellationToken cancellationToken)
    {
        var delivery = interval.Delivery;
        while (true)
        {
            try
            {
                await delivery;
                break;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Some of the interval may have arrived; sending it all again duplicates those, which
                // the Processor absorbs (readings keep their ReadingId), whereas dropping would lose data.
                metrics.ProduceFailed(interval.Readings.Length);
                logger.LogWarning(ex, "Sending the {Count} readings measured at {MeasuredAt:O} failed; sending them again", interval.Readings.Length, interval.MeasuredAt);
                await Task.Delay(RetryDelay, wallClock, cancellationToken);
                delivery = producer.ProduceMany(interval.Readings, cancellationToken);
            }
        }

        metrics.Produced(interval.Readings.Length);
        recent.Append(interval.Readings);
        clock.MarkProduced(interval.MeasuredAt);
        return interval.Readings.Length;
    }

    private sealed record IntervalInFlight(DateTimeOffset MeasuredAt, SensorReading[] Readings, Task Delivery);
}
