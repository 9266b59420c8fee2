using CowHealth.Contracts;
using CowHealth.Processor.Detection;

namespace CowHealth.Tests.Detection;

/// <summary>Heat, low activity, rumination, water and rumen pH: rules on what the cow does.</summary>
public sealed class BehaviourRules_Specs
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromDays(3);

    [Fact]
    public void A_busy_hour_that_does_not_last_is_not_heat()
    {
        var cow = new CowTimeline();
        var busy = new Signature { ActivityFactor = 3 };
        List<SensorReading> readings = [.. cow.Healthy(WarmUp), .. cow.Next(TimeSpan.FromMinutes(50), busy), .. cow.Healthy(TimeSpan.FromDays(1))];

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
}
