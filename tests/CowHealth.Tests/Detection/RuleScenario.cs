using CowHealth.Contracts;
using CowHealth.Processor.Detection;
using CowHealth.Processor.Detection.Rules;

namespace CowHealth.Tests.Detection;

/// <summary>
/// One rule's textbook case: a healthy cow for three days (her baselines warm up), then the
/// condition's signature for a while, then healthy again long enough to clear.
/// </summary>
public sealed record RuleScenario(
    string Name,
    HealthCondition Condition,
    Signature Signature,
    TimeSpan SignatureFor,
    TimeSpan DetectedWithin,
    TimeSpan RecoveryFor,
    AlertSeverity Severity,
    bool PhBolus = false,
    bool ReportsLitres = true)
{
    public static readonly TimeSpan HealthyBefore = TimeSpan.FromDays(3);

    public static IReadOnlyList<RuleScenario> All { get; } =
    [
        new("Fever", HealthCondition.Fever, new Signature { TemperatureOffsetCelsius = 1.2 },
            TimeSpan.FromHours(6), TimeSpan.FromHours(2), TimeSpan.FromDays(1), AlertSeverity.Warning),
        new("TemperatureDrop", HealthCondition.TemperatureDrop, new Signature { TemperatureOffsetCelsius = -1.5 },
            TimeSpan.FromHours(8), TimeSpan.FromHours(4), TimeSpan.FromDays(1), AlertSeverity.Warning),
        new("Calving", HealthCondition.Calving, new Signature { TemperatureOffsetCelsius = -0.45, OnsetOver = TimeSpan.FromHours(6) },
            TimeSpan.FromHours(30), TimeSpan.FromHours(20), TimeSpan.FromDays(2), AlertSeverity.Warning),
        new("Heat", HealthCondition.Heat, new Signature { ActivityFactor = 3 },
            TimeSpan.FromHours(12), TimeSpan.FromHours(3), TimeSpan.FromDays(1), AlertSeverity.Info),
        new("RuminationDrop", HealthCondition.RuminationDrop, new Signature { RuminationFactor = 0.4 },
            TimeSpan.FromDays(2), TimeSpan.FromHours(18), TimeSpan.FromDays(3), AlertSeverity.Warning),
        new("LowActivity", HealthCondition.LowActivity, new Signature { ActivityFactor = 0.35 },
            TimeSpan.FromDays(1), TimeSpan.FromHours(10), TimeSpan.FromDays(2), AlertSeverity.Warning),
        new("SubacuteRuminalAcidosis", HealthCondition.SubacuteRuminalAcidosis, new Signature { Ph = 5.5 },
            TimeSpan.FromHours(8), TimeSpan.FromHours(4), TimeSpan.FromDays(1), AlertSeverity.Warning, PhBolus: true),
        new("LowWaterIntake by litres", HealthCondition.LowWaterIntake, new Signature { DrinkingFactor = 0.15 },
            TimeSpan.FromDays(2.5), TimeSpan.FromHours(36), TimeSpan.FromDays(3), AlertSeverity.Warning),
        new("LowWaterIntake by drinking cycles", HealthCondition.LowWaterIntake, new Signature { DrinkingFactor = 0.15 },
            TimeSpan.FromDays(2.5), TimeSpan.FromHours(36), TimeSpan.FromDays(3), AlertSeverity.Warning, ReportsLitres: false),
        // Three times her drinking for two days: fever onset, salt, a leaking trough. The day-long average takes most of a day to get there,
        // and as long to come back below 1.25 times once she drinks as usual again.
        new("ExcessiveDrinking by litres", HealthCondition.ExcessiveDrinking, new Signature { DrinkingFactor = 3 },
            TimeSpan.FromDays(2), TimeSpan.FromHours(24), TimeSpan.FromDays(3.5), AlertSeverity.Warning),
        new("ExcessiveDrinking by drinking cycles", HealthCondition.ExcessiveDrinking, new Signature { DrinkingFactor = 3 },
            TimeSpan.FromDays(2), TimeSpan.FromHours(24), TimeSpan.FromDays(3.5), AlertSeverity.Warning, ReportsLitres: false),
        // A sudden fall to 25 °C first looks like a huge drink: the fault shows once a drink would have warmed back.
        new("SensorFault out of range", HealthCondition.SensorFault, new Signature { FixedTemperatureCelsius = 25 },
            TimeSpan.FromHours(5), TimeSpan.FromHours(3.5), TimeSpan.FromDays(1), AlertSeverity.Info),
        new("SensorFault stuck", HealthCondition.SensorFault, new Signature { FixedTemperatureCelsius = 38.95 },
            TimeSpan.FromHours(5), TimeSpan.FromHours(3.5), TimeSpan.FromDays(1), AlertSeverity.Info),
    ];

    public static TheoryData<string> Names => new(All.Select(s => s.Name));

    public static RuleScenario Named(string name) => All.Single(s => s.Name == name);

    public DateTimeOffset SignatureStart { get; } = CowTimeline.Start + HealthyBefore;

    public DateTimeOffset SignatureEnd => SignatureStart + SignatureFor;

    /// <summary>The clearing window of the scenario's rule under default settings.</summary>
    public TimeSpan ClearAfter => ((ConditionRuleSettings)(Condition switch
    {
        HealthCondition.Fever => new DetectionOptions().Fever,
        HealthCondition.TemperatureDrop => new DetectionOptions().TemperatureDrop,
        HealthCondition.Calving => new DetectionOptions().Calving,
        HealthCondition.Heat => new DetectionOptions().Heat,
        HealthCondition.RuminationDrop => new DetectionOptions().RuminationDrop,
        HealthCondition.LowActivity => new DetectionOptions().LowActivity,
        HealthCondition.SubacuteRuminalAcidosis => new DetectionOptions().SubacuteRuminalAcidosis,
        HealthCondition.LowWaterIntake => new DetectionOptions().LowWaterIntake,
        HealthCondition.SensorFault => new DetectionOptions().SensorFault,
        HealthCondition.ExcessiveDrinking => new DetectionOptions().ExcessiveDrinking,
        _ => throw new InvalidOperationException($"{Condition} has no reading rule."),
    })).ClearAfter;

    public List<SensorReading> Readings(int seed = 1, string cowId = "F01-C0001")
    {
        var cow = new CowTimeline(cowId, seed: seed, phBolus: PhBolus, reportsLitres: ReportsLitres);
        return [.. cow.Healthy(HealthyBefore), .. cow.Next(SignatureFor, Signature), .. cow.Healthy(RecoveryFor)];
    }

    public override string ToString() => Name;
}
