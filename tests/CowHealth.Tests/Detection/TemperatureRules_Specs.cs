using CowHealth.Contracts;
using CowHealth.Processor.Detection;

namespace CowHealth.Tests.Detection;

/// <summary>Fever, temperature drop and calving: the temperature rules, and the drinks they must see through.</summary>
public sealed class TemperatureRules_Specs
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromDays(3);

    [Fact]
    public void Fever_is_critical_when_the_temperature_runs_far_above_her_normal()
    {
        var cow = new CowTimeline();
        List<SensorReading> readings = [.. cow.Healthy(WarmUp), .. cow.Next(TimeSpan.FromHours(4), new Signature { TemperatureOffsetCelsius = 2.2 })];

        var fever = Assert.Single(Detectors.New().Run(readings));

        Assert.Equal((HealthCondition.Fever, ConditionChangeKind.Detected, AlertSeverity.Critical), (fever.Condition, fever.Kind, fever.Severity));
    }

    [Fact]
    public void A_fever_peak_shorter_than_the_fever_window_raises_nothing()
    {
        var cow = new CowTimeline();
        var peak = new Signature { TemperatureOffsetCelsius = 1.5, OnsetOver = TimeSpan.Zero };
        List<SensorReading> readings = [.. cow.Healthy(WarmUp), .. cow.Next(TimeSpan.FromMinutes(40), peak), .. cow.Healthy(TimeSpan.FromDays(1))];

        Assert.Empty(Detectors.New().Run(readings));
    }

    [Fact]
    public void Before_her_baseline_has_seen_a_day_only_a_fever_beyond_the_herds_range_is_raised()
    {
        var cow = new CowTimeline();

        var changes = Detectors.New().Run(cow.Next(TimeSpan.FromHours(23), new Signature { TemperatureOffsetCelsius = 2, ActivityFactor = 0.3 }));

        // Low activity needs her own normal; a fever of 2 °C is one against any cow's.
        var fever = Assert.Single(changes);
        Assert.Equal((HealthCondition.Fever, ConditionChangeKind.Detected), (fever.Condition, fever.Kind));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Deep_and_frequent_drinks_raise_nothing(bool reportsLitres)
    {
        var cow = new CowTimeline(reportsLitres: reportsLitres);
        var thirsty = new Signature { DrinkDipCelsius = 9, DrinkingFactor = 1.5 };
        List<SensorReading> readings = [.. cow.Healthy(WarmUp), .. cow.Next(TimeSpan.FromDays(4), thirsty), .. cow.Healthy(TimeSpan.FromDays(2))];

        var changes = Detectors.New().Run(readings);

        Assert.True(changes.Count == 0, changes.Describe());
        Assert.Contains(readings, r => r.RumenTemperatureCelsius < 32);
    }

    [Fact]
    public void A_temperature_drop_is_critical_when_she_is_far_below_her_normal()
    {
        var cow = new CowTimeline();
        List<SensorReading> readings = [.. cow.Healthy(WarmUp), .. cow.Next(TimeSpan.FromHours(6), new Signature { TemperatureOffsetCelsius = -2.6 })];

        var drop = Assert.Single(Detectors.New().Run(readings));

        Assert.Equal((HealthCondition.TemperatureDrop, AlertSeverity.Critical), (drop.Condition, drop.Severity));
    }

    [Fact]
    public void A_sudden_drop_that_looks_like_a_drink_is_still_found_once_a_drink_would_have_warmed_back()
    {
        var cow = new CowTimeline();
        var sudden = new Signature { TemperatureOffsetCelsius = -2, OnsetOver = TimeSpan.Zero };
        List<SensorReading> readings = [.. cow.Healthy(WarmUp), .. cow.Next(TimeSpan.FromHours(8), sudden)];

        var drop = Assert.Single(Detectors.New().Run(readings));

        var onset = CowTimeline.Start + WarmUp;
        Assert.Equal(HealthCondition.TemperatureDrop, drop.Condition);
        var maxRecovery = new DetectionOptions().Drinking.MaxRecovery;
        Assert.InRange(drop.At, onset + maxRecovery, onset + maxRecovery + TimeSpan.FromHours(3));
    }

    [Fact]
    public void Milk_fever_cold_is_a_temperature_drop_and_not_a_calving()
    {
        var cow = new CowTimeline();
        var milkFever = new Signature { TemperatureOffsetCelsius = -1.8, OnsetOver = TimeSpan.FromHours(3) };
        List<SensorReading> readings = [.. cow.Healthy(WarmUp), .. cow.Next(TimeSpan.FromHours(18), milkFever), .. cow.Healthy(TimeSpan.FromDays(1))];

        var changes = Detectors.New().Run(readings);

        Assert.Empty(changes.Of(HealthCondition.Calving));
        Assert.Single(changes.Of(HealthCondition.TemperatureDrop), c => c.Kind == ConditionChangeKind.Detected);
    }
}
