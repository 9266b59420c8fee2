using CowHealth.Contracts;
using CowHealth.Processor.Detection;

namespace CowHealth.Tests.Detection;

/// <summary>Alerts a farmer acts on at a time carry that time: when to inseminate a cow in heat, when to expect a calf.</summary>
public sealed class ActionWindows_Specs
{
    [Fact]
    public void A_heat_alert_says_to_inseminate_13_to_24_hours_after_her_activity_rose()
    {
        var heat = RuleScenario.Named("Heat");

        var detected = Detectors.New().Run(heat.Readings()).Of(HealthCondition.Heat).First();

        var window = detected.Evidence.Action!;
        Assert.Equal("Inseminate", window.Action);
        // Her activity rose at the scenario's start; the run that made the alert began within the hour after.
        Assert.InRange(window.From - heat.SignatureStart, TimeSpan.FromHours(13), TimeSpan.FromHours(14));
        Assert.Equal(TimeSpan.FromHours(11), window.To - window.From);
    }

    [Fact]
    public void A_calving_alert_expects_the_calf_about_half_a_day_after_it_within_a_day()
    {
        var calving = RuleScenario.Named("Calving");

        var detected = Detectors.New().Run(calving.Readings()).Of(HealthCondition.Calving).First();

        var window = detected.Evidence.Action!;
        Assert.Equal(("Calving", detected.At, detected.At + TimeSpan.FromHours(24), detected.At + TimeSpan.FromHours(12)),
            (window.Action, window.From, window.To, window.Expected));
    }

    [Fact]
    public void Alerts_with_nothing_to_time_carry_no_window()
    {
        var fever = RuleScenario.Named("Fever");

        Assert.All(Detectors.New().Run(fever.Readings()), change => Assert.Null(change.Evidence.Action));
    }
}
