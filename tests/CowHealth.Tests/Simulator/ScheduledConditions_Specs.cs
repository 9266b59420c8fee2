using System.Net.Http.Json;
using CowHealth.Simulator.Herd;
using Microsoft.Extensions.DependencyInjection;

namespace CowHealth.Tests.Simulator;

/// <summary>Conditions given by the settings (<c>Conditions:Scheduled</c>): ground truth from the first reading, or a clear refusal to start.</summary>
public sealed class ScheduledConditions_Specs
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_scheduled_condition_is_ground_truth_and_shows_in_the_cows_readings()
    {
        var settings = SimulatorHost.Backfill(Start, 1, cows: 3);
        settings["Conditions:Spontaneous"] = "false";
        settings["Conditions:Scheduled:0:CowId"] = "F01-C0002";
        settings["Conditions:Scheduled:0:Condition"] = "sensorfault";
        settings["Conditions:Scheduled:0:OnsetAfterHours"] = "6";
        settings["Conditions:Scheduled:0:DurationHours"] = "2";
        await using var simulator = await SimulatorHost.StartAsync(settings);

        var truth = await simulator.Http.GetFromJsonAsync<GroundTruthBody>("/api/scenarios?from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z");

        var episode = Assert.Single(truth!.Conditions);
        Assert.Equal(("F01-C0002", "SensorFault", "Injected"), (episode.CowId, episode.Condition, episode.Origin));
        Assert.Equal((Start.AddHours(6), Start.AddHours(8)), (episode.OnsetAt, episode.EndsAt));
        var herd = simulator.Services.GetRequiredService<HerdModel>();
        var reading = herd.ReadingOf(herd.FindCow("F01-C0002")!, Start.AddHours(7))!;
        Assert.True(reading.RumenTemperatureCelsius is < 30 or > 43, $"a faulty bolus reads {reading.RumenTemperatureCelsius} °C");
    }

    [Theory]
    [InlineData("CowId", "F09-C0001", "Conditions:Scheduled:0:CowId: there is no cow 'F09-C0001'")]
    [InlineData("Condition", "Mastitis", "Conditions:Scheduled:0:Condition: 'Mastitis' is not one of")]
    [InlineData("DurationHours", "0.01", "Conditions:Scheduled:0:DurationHours")]
    [InlineData("Severity", "9", "Conditions:Scheduled:0:Severity")]
    public async Task A_mistake_in_a_scheduled_condition_stops_the_start_naming_the_setting(string field, string value, string message)
    {
        var settings = SimulatorHost.Backfill(Start, 1, cows: 3);
        settings["Conditions:Scheduled:0:CowId"] = "F01-C0001";
        settings["Conditions:Scheduled:0:Condition"] = "Fever";
        settings["Conditions:Scheduled:0:OnsetAfterHours"] = "1";
        settings[$"Conditions:Scheduled:0:{field}"] = value;

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => SimulatorHost.StartAsync(settings));

        Assert.StartsWith(message, refused.Message);
    }

    private sealed record EpisodeBody(string CowId, string Condition, DateTimeOffset OnsetAt, DateTimeOffset EndsAt, string Origin);

    private sealed record GroundTruthBody(List<EpisodeBody> Conditions);
}
