using CowHealth.Contracts;
using CowHealth.Simulator.Conditions;
using CowHealth.Simulator.Herd;

namespace CowHealth.Tests.Simulator;

/// <summary>Episodes differ in strength as real cows' do: each draws its severity from a documented range, unless told one.</summary>
public sealed class ConditionSeverity_Specs
{
    private static readonly DateTimeOffset From = CowSeries.Monday;

    [Theory]
    [InlineData(HealthCondition.Fever, 0.5, 1.5)]
    [InlineData(HealthCondition.SubacuteRuminalAcidosis, 0.4, 1.0)]
    [InlineData(HealthCondition.LowWaterIntake, 0.25, 0.6)]
    public void Spontaneous_episodes_draw_their_severity_across_the_documented_range_and_ground_truth_records_it(
        HealthCondition condition, double low, double high)
    {
        var herd = new HerdBuilder().WithCows(1, 60).WithSpontaneousConditions(c =>
            (c.FeverPerCowYear, c.SubacuteRuminalAcidosisPerCowYear, c.LowWaterIntakePerCowYear) = (20, 20, 20)).Build();

        var severities = new GroundTruth(herd).Between(From, From.AddDays(120))
            .Where(e => e.Condition == condition).Select(e => e.Severity!.Value).ToList();

        Assert.True(severities.Count > 100, $"only {severities.Count} episodes of {condition}");
        Assert.All(severities, s => Assert.InRange(s, low, high));
        var span = high - low;
        Assert.True(severities.Min() < low + (0.1 * span) && severities.Max() > high - (0.1 * span), $"{condition} spans only {severities.Min()}–{severities.Max()}");
    }

    [Fact]
    public void Heats_and_calvings_draw_their_severity_from_their_ranges_too()
    {
        var herd = new HerdBuilder().WithCows(1, 200).WithSpontaneousConditions().Build();

        var episodes = new GroundTruth(herd).Between(From, From.AddDays(200));

        Assert.All(episodes.Where(e => e.Condition == HealthCondition.Heat), e => Assert.InRange(e.Severity!.Value, 1.8, 4.0));
        Assert.All(episodes.Where(e => e.Condition == HealthCondition.Calving), e => Assert.InRange(e.Severity!.Value, 0.2, 0.6));
        Assert.True(episodes.Where(e => e.Condition == HealthCondition.Heat).Select(e => e.Severity).Distinct().Count() > 10, "heats differ in strength");
        Assert.All(episodes.Where(e => e.Condition is HealthCondition.SensorOffline or HealthCondition.SensorFault), e => Assert.Null(e.Severity));
    }

    [Fact]
    public void A_configured_severity_is_every_episodes_severity()
    {
        var herd = new HerdBuilder().WithCows(1, 60)
            .WithSpontaneousConditions(c => (c.FeverPerCowYear, c.FeverRiseCelsius, c.HeatActivityFactor) = (20, 0.9, 2.5)).Build();
        herd.Inject(herd.Cows[0], HealthCondition.Fever, From.AddDays(1), TimeSpan.FromDays(2));

        var episodes = new GroundTruth(herd).Between(From, From.AddDays(120));

        Assert.All(episodes.Where(e => e.Condition == HealthCondition.Fever), e => Assert.Equal(0.9, e.Severity));
        Assert.All(episodes.Where(e => e.Condition == HealthCondition.Heat), e => Assert.Equal(2.5, e.Severity));
    }

    [Theory]
    [InlineData(0.6)]
    [InlineData(1.4)]
    public void An_injected_fever_lifts_temperature_by_its_own_severity(double rise)
    {
        var herd = new HerdBuilder().Build();
        var cow = herd.Cows[3];

        herd.Scenarios.TryInject(cow, HealthCondition.Fever, From.AddDays(1), TimeSpan.FromDays(3), rise, out var episode);

        Assert.Equal(rise, episode!.Severity);
        Assert.Equal(rise, herd.EffectsOn(cow, From.AddDays(2)).TemperatureShiftCelsius, precision: 6);
        Assert.Equal(0, herd.EffectsOn(cow, From.AddDays(0.5)).TemperatureShiftCelsius);
    }

    [Fact]
    public void Excessive_drinking_multiplies_her_drinking_cycles_and_water_by_its_severity()
    {
        var herd = new HerdBuilder().Build();
        var onset = From.AddDays(3);

        foreach (var cow in herd.Cows.Take(5))
        {
            herd.Scenarios.TryInject(cow, HealthCondition.ExcessiveDrinking, onset, TimeSpan.FromDays(3), 2.5, out _);
            var thirsty = herd.Readings(cow, onset.AddHours(6), TimeSpan.FromDays(2));
            var usual = herd.Readings(cow, onset.AddHours(6).AddDays(-3), TimeSpan.FromDays(2));

            Assert.InRange(thirsty.Sum(r => r.WaterIntakeLitres!.Value) / usual.Sum(r => r.WaterIntakeLitres!.Value), 2.0, 3.0);
            Assert.InRange(thirsty.Count(r => r.WaterIntakeLitres > 0) / (double)usual.Count(r => r.WaterIntakeLitres > 0), 1.8, 3.0);
        }
    }

    [Fact]
    public void A_severity_outside_what_the_simulator_takes_is_refused()
    {
        var herd = new HerdBuilder().Build();

        Assert.Throws<ArgumentOutOfRangeException>(() => herd.Scenarios.TryInject(herd.Cows[0], HealthCondition.Fever, From, TimeSpan.FromDays(1), 9, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => herd.Scenarios.TryInject(herd.Cows[0], HealthCondition.SensorFault, From, TimeSpan.FromDays(1), 1, out _));
    }
}
