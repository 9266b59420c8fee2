using CowHealth.Contracts;
using CowHealth.Processor.Detection;
using Microsoft.Extensions.Configuration;

namespace CowHealth.Tests.Detection;

/// <summary>Heat, low activity, rumination, water and rumen pH: rules on what the cow does.</summary>
public sealed class BehaviourRules_Specs
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromDays(3);

    [Fact]
    public void A_busy_half_hour_that_does_not_last_is_not_heat()
    {
        // Heat is caught within about two hours of its rise, so a burst of three times her activity must not last much beyond half an hour.
        var cow = new CowTimeline();
        var busy = new Signature { ActivityFactor = 3 };
        List<SensorReading> readings = [.. cow.Healthy(WarmUp), .. cow.Next(TimeSpan.FromMinutes(30), busy), .. cow.Healthy(TimeSpan.FromDays(1))];

        Assert.Empty(Detectors.New().Run(readings));
    }

    [Fact]
    public void Heat_evidence_says_how_many_times_her_usual_activity_she_showed()
    {
        var heat = RuleScenario.Named("Heat");

        var detected = Detectors.New().Run(heat.Readings()).First();

        Assert.Equal(nameof(SensorReading.ActivityIndex), detected.Evidence.Measure);
        Assert.InRange(detected.Evidence.ObservedValue / detected.Evidence.BaselineValue, 2.0, 3.2);
        Assert.Contains("times her usual", detected.Evidence.Summary);
    }

    [Fact]
    public void A_short_acid_dip_after_feeding_is_not_acidosis()
    {
        var cow = new CowTimeline(phBolus: true);
        var afterFeeding = new Signature { Ph = 5.6 };
        List<SensorReading> readings = [.. cow.Healthy(WarmUp), .. cow.Next(TimeSpan.FromHours(2), afterFeeding), .. cow.Healthy(TimeSpan.FromDays(1))];

        Assert.Empty(Detectors.New().Run(readings));
    }

    [Fact]
    public void A_cow_without_a_ph_bolus_is_never_judged_for_acidosis()
    {
        var cow = new CowTimeline(phBolus: false);
        List<SensorReading> readings = [.. cow.Healthy(WarmUp), .. cow.Next(TimeSpan.FromHours(8), new Signature { Ph = 5.2 })];

        Assert.All(readings, r => Assert.Null(r.RumenPh));
        Assert.Empty(Detectors.New().Run(readings));
    }

    [Fact]
    public void An_implausible_ph_is_a_sensor_fault_and_not_acidosis()
    {
        var cow = new CowTimeline(phBolus: true);
        List<SensorReading> readings = [.. cow.Healthy(WarmUp), .. cow.Next(TimeSpan.FromHours(3), new Signature { Ph = 3.2 })];

        var fault = Assert.Single(Detectors.New().Run(readings));

        Assert.Equal((HealthCondition.SensorFault, nameof(SensorReading.RumenPh)), (fault.Condition, fault.Evidence.Measure));
    }

    [Fact]
    public void Low_water_intake_is_judged_by_drinking_cycles_when_the_bolus_does_not_estimate_litres()
    {
        var thirstless = RuleScenario.Named("LowWaterIntake by drinking cycles");

        var detected = Detectors.New().Run(thirstless.Readings()).First();

        Assert.Equal((HealthCondition.LowWaterIntake, "DrinkingCycles"), (detected.Condition, detected.Evidence.Measure));
    }

    [Theory]
    [InlineData(true, 0.35)]
    [InlineData(false, 0.35)]
    public void Low_water_intake_resolves_within_its_clearing_window_once_she_drinks_as_usual_again(bool reportsLitres, double kept)
    {
        // Her long average would hold the alert open for a day and more after she is back: recovery is judged on what she drank since.
        var cow = new CowTimeline(reportsLitres: reportsLitres);
        var spellEnds = CowTimeline.Start + TimeSpan.FromDays(5);
        List<SensorReading> readings =
            [.. cow.Healthy(TimeSpan.FromDays(3)), .. cow.Next(TimeSpan.FromDays(2), new Signature { DrinkingFactor = kept }), .. cow.Healthy(TimeSpan.FromDays(3))];

        var changes = Detectors.New().Run(readings).Of(HealthCondition.LowWaterIntake);

        Assert.True(changes.Count == 2 && changes[0].Kind == ConditionChangeKind.Detected && changes[0].At < spellEnds, changes.Describe());
        var clearAfter = new DetectionOptions().LowWaterIntake.ClearAfter;
        Assert.InRange(changes[1].At, spellEnds, spellEnds + clearAfter + TimeSpan.FromHours(2));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_thirsty_afternoon_is_not_excessive_drinking(bool reportsLitres)
    {
        var cow = new CowTimeline(reportsLitres: reportsLitres);
        var thirsty = new Signature { DrinkingFactor = 4 };
        List<SensorReading> readings = [.. cow.Healthy(WarmUp), .. cow.Next(TimeSpan.FromHours(4), thirsty), .. cow.Healthy(TimeSpan.FromDays(2))];

        var changes = Detectors.New().Run(readings);

        Assert.True(changes.Count == 0, changes.Describe());
        Assert.True(readings.Count(r => r.MeasuredAt >= CowTimeline.Start + WarmUp && r.MeasuredAt < CowTimeline.Start + WarmUp + TimeSpan.FromHours(4)
            && r.RumenTemperatureCelsius < 37) >= 3, "the afternoon had drinks");
    }

    [Fact]
    public void Excessive_drinking_by_drinking_cycles_says_so_and_tells_the_farmer_what_to_check()
    {
        var thirsty = RuleScenario.Named("ExcessiveDrinking by drinking cycles");

        var detected = Detectors.New().Run(thirsty.Readings()).First();

        Assert.Equal((HealthCondition.ExcessiveDrinking, "DrinkingCycles"), (detected.Condition, detected.Evidence.Measure));
        Assert.InRange(detected.Evidence.ObservedValue / detected.Evidence.BaselineValue, 1.6, 3.2);
        Assert.Contains("times her usual", detected.Evidence.Summary);
        Assert.Contains("trough", detected.Evidence.Summary);
        Assert.Contains("fever", detected.Evidence.Summary);
    }

    [Fact]
    public void Drinking_much_more_for_days_raises_excessive_drinking_and_no_temperature_alert()
    {
        var cow = new CowTimeline();
        // Every drink still cools her rumen by several degrees: three times as many dips for four days.
        var polydipsia = new Signature { DrinkingFactor = 3, DrinkDipCelsius = 7 };
        List<SensorReading> readings = [.. cow.Healthy(WarmUp), .. cow.Next(TimeSpan.FromDays(4), polydipsia), .. cow.Healthy(TimeSpan.FromDays(4))];

        var changes = Detectors.New().Run(readings);

        Assert.True(changes.All(c => c.Condition == HealthCondition.ExcessiveDrinking), changes.Describe());
        Assert.Single(changes, c => c.Kind == ConditionChangeKind.Detected);
        Assert.Single(changes, c => c.Kind == ConditionChangeKind.Cleared);
        Assert.True(readings.Count(r => r.RumenTemperatureCelsius < 35) > 40, "many deep drinking dips");
    }

    [Fact]
    public void A_farm_that_expects_more_drinking_keeps_its_own_excessive_drinking_threshold()
    {
        var readings = RuleScenario.Named("ExcessiveDrinking by litres").Readings();

        var herdDefault = Detectors.New().Run(readings);
        var tolerant = Detectors.New(o => DetectionOptions.Bind(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Farms:F01:ExcessiveDrinking:IntakeRatio"] = "4.0",
        }).Build(), o)).Run(readings);
        var otherFarm = Detectors.New(o => DetectionOptions.Bind(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Farms:F02:ExcessiveDrinking:IntakeRatio"] = "4.0",
        }).Build(), o)).Run(readings);

        Assert.Contains(herdDefault, c => c.Condition == HealthCondition.ExcessiveDrinking);
        Assert.True(tolerant.Count == 0, tolerant.Describe());
        Assert.Equal(herdDefault, otherFarm);
    }
}
