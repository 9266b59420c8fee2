using System.Text.Json;
using CowHealth.Contracts;
using CowHealth.Simulator;
using CowHealth.Simulator.Clock;
using CowHealth.Simulator.Herd;
using CowHealth.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CowHealth.Tests.Simulator;

/// <summary>What the producer puts on <c>cow-health-data</c> of a real (embedded) Kafka broker.</summary>
public sealed class ReadingPublisher_Specs
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_backfill_sends_every_reading_once_keyed_by_cow_and_in_measured_order_per_cow()
    {
        var settings = SimulatorHost.Backfill(Start, 1, cows: 6);
        settings["Conditions:SensorOfflinePerCowYear"] = "40"; // so that some intervals are silent
        await using var simulator = await SimulatorHost.StartAsync(settings);
        var herd = simulator.Services.GetRequiredService<HerdModel>();
        var expected = Enumerable.Range(0, 144).Select(n => Start + (n * herd.SensorInterval))
            .SelectMany(at => herd.Cows.Select(c => herd.ReadingOf(c, at))).OfType<SensorReading>().ToList();
        Assert.InRange(expected.Count, 700, 6 * 144 - 1);

        var records = simulator.ConsumeReadings(expected.Count, TimeSpan.FromSeconds(60));

        var received = records.Select(r => JsonSerializer.Deserialize(r.Message.Value, CowHealthJson.Default.SensorReading)!).ToList();
        Assert.Equal(expected.OrderBy(r => r.ReadingId), received.OrderBy(r => r.ReadingId));
        Assert.All(records, r => Assert.Equal(r.Message.Key, JsonSerializer.Deserialize(r.Message.Value, CowHealthJson.Default.SensorReading)!.CowId));
        foreach (var cow in records.GroupBy(r => r.Message.Key))
        {
            Assert.Single(cow.Select(r => r.Partition.Value).Distinct());
            var measured = cow.OrderBy(r => r.Offset.Value).Select(r => JsonSerializer.Deserialize(r.Message.Value, CowHealthJson.Default.SensorReading)!.MeasuredAt).ToList();
            Assert.Equal(measured.Order(), measured);
        }

        // A consumer can see the records before the producer has the broker's acknowledgements, which is when they count.
        var metrics = simulator.Services.GetRequiredService<SimulatorMetrics>();
        await Eventually.Until(
            () => Task.FromResult(metrics.ReadingsProduced >= expected.Count ? "counted" : null), TimeSpan.FromSeconds(30), "the producer to count every acknowledged reading");
        Assert.Equal(expected.Count, metrics.ReadingsProduced);
    }

    [Fact]
    public async Task Accelerated_mode_catches_up_with_the_wall_clock_without_sending_a_reading_measured_in_the_future()
    {
        await using var simulator = await SimulatorHost.StartAsync(new Dictionary<string, string>
        {
            ["Herd:CowsPerFarm"] = "5",
            ["Conditions:Spontaneous"] = "false", // every cow sends every interval
            ["Simulation:Mode"] = "Accelerated",
            ["Simulation:CatchUpDays"] = "0.25",
            ["Simulation:SimulatedMinutesPerSecond"] = "600",
        });
        var clock = simulator.Services.GetRequiredService<SimulationClock>();
        var herd = simulator.Services.GetRequiredService<HerdModel>();

        // Six hours at ten simulated hours a second: caught up within a second or so.
        await Eventually.Until(
            () => Task.FromResult(clock.ProducedThrough >= herd.AlignDownToInterval(DateTimeOffset.UtcNow) - herd.SensorInterval ? "caught up" : null),
            TimeSpan.FromSeconds(30),
            "the accelerated simulation to reach the wall clock");
        var records = simulator.ConsumeReadings(36 * 5, TimeSpan.FromSeconds(30));

        Assert.True(records.Count >= 36 * 5, $"only {records.Count} readings arrived");
        Assert.All(records, r =>
        {
            var measuredAt = JsonSerializer.Deserialize(r.Message.Value, CowHealthJson.Default.SensorReading)!.MeasuredAt;
            Assert.True(measuredAt <= r.Message.Timestamp.UtcDateTime, $"measured at {measuredAt:O} but sent at {r.Message.Timestamp.UtcDateTime:O}");
        });
        Assert.True(clock.Lag() <= herd.SensorInterval, $"still {clock.Lag()} behind");
    }
}
