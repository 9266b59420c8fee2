using CowHealth.Contracts;
using CowHealth.KafkaRider;
using CowHealth.Simulator.Clock;
using CowHealth.Simulator.Herd;
using Microsoft.Extensions.Options;

namespace CowHealth.Simulator.Publishing;

/// <summary>Sends every cow's reading for each interval to <see cref="Topics.Readings"/>, paced by the simulation clock.</summary>
public sealed class ReadingPublisher(
    HerdModel herd,
    ITopicProducer<SensorReading> producer,
    IOptions<SimulationOptions> options,
    TimeProvider clock,
    ILogger<ReadingPublisher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var simulation = options.Value;
        var now = clock.GetUtcNow();
        var start = herd.AlignToInterval(simulation.StartAt
            ?? (simulation.Mode == ClockMode.Backfill ? now - TimeSpan.FromDays(simulation.BackfillDays) : now));
        logger.LogInformation(
            "Simulating {Cows} cows from {Start:O} in {Mode} mode", herd.Cows.Count, start, simulation.Mode);

        if (simulation.Mode == ClockMode.Backfill)
        {
            var end = start + TimeSpan.FromDays(simulation.BackfillDays);
            for (var at = start; at < end && !stoppingToken.IsCancellationRequested; at += herd.SensorInterval)
            {
                await PublishInterval(at, stoppingToken);
            }

            logger.LogInformation("Backfill complete up to {End:O}", end);
            return;
        }

        var realPerInterval = simulation.Mode == ClockMode.RealTime
            ? herd.SensorInterval
            : TimeSpan.FromSeconds(herd.SensorInterval.TotalMinutes / simulation.SimulatedMinutesPerSecond);
        using var ticks = new PeriodicTimer(realPerInterval, clock);
        for (var at = start; !stoppingToken.IsCancellationRequested; at += herd.SensorInterval)
        {
            await PublishInterval(at, stoppingToken);
            if (!await ticks.WaitForNextTickAsync(stoppingToken))
            {
                break;
            }
        }
    }

    private Task PublishInterval(DateTimeOffset measuredAt, CancellationToken cancellationToken)
    {
        var readings = new SensorReading[herd.Cows.Count];
        for (var i = 0; i < readings.Length; i++)
        {
            readings[i] = herd.ReadingOf(herd.Cows[i], measuredAt);
        }

        return producer.ProduceMany(readings, cancellationToken);
    }
}
