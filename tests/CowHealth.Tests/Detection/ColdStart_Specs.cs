using CowHealth.Contracts;
using CowHealth.Processor.Detection;

namespace CowHealth.Tests.Detection;

/// <summary>
/// A cow's first day: her own normal is not known yet, so she is judged against the herd's, and an
/// illness then is caught rather than learned as her normal.
/// </summary>
public sealed class ColdStart_Specs
{
    private static readonly Signature Fever = new() { TemperatureOffsetCelsius = 1.0, OnsetOver = TimeSpan.FromHours(4) };

    [Fact]
    public void A_fever_in_her_first_day_is_caught_and_does_not_poison_her_normal()
    {
        var cow = new CowTimeline();
        List<SensorReading> readings =
        [
            .. cow.Healthy(TimeSpan.FromHours(2)),
            .. cow.Next(TimeSpan.FromDays(2), Fever),
            .. cow.Healthy(TimeSpan.FromDays(10)),
            .. cow.Next(TimeSpan.FromDays(1), Fever),
        ];
        var firstFeverEnds = CowTimeline.Start + TimeSpan.FromHours(50);
        var secondFeverStarts = firstFeverEnds + TimeSpan.FromDays(10);

        var changes = Detectors.New().Run(readings);

        Assert.True(changes.Count(c => c is { Condition: HealthCondition.Fever, Kind: ConditionChangeKind.Detected } && c.At < firstFeverEnds) == 1,
            "the fever of her first day is caught:" + Environment.NewLine + changes.Describe());
        Assert.True(!changes.Any(c => c.Condition is HealthCondition.Calving or HealthCondition.TemperatureDrop),
            "her normal is not the fever's, so being well again is no chill or calving:" + Environment.NewLine + changes.Describe());
        Assert.True(!changes.Any(c => c is { Condition: HealthCondition.Fever, Kind: ConditionChangeKind.Detected } && c.At > firstFeverEnds && c.At < secondFeverStarts),
            "no fever while she is well:" + Environment.NewLine + changes.Describe());
        Assert.True(changes.Any(c => c is { Condition: HealthCondition.Fever, Kind: ConditionChangeKind.Detected } && c.At > secondFeverStarts && c.At < secondFeverStarts + TimeSpan.FromHours(8)),
            "her next fever is caught within hours:" + Environment.NewLine + changes.Describe());
    }

    [Fact]
    public void In_her_first_day_a_temperature_within_the_herds_range_raises_nothing()
    {
        // A cow 0.4 °C warmer than most is still a healthy cow.
        var cow = new CowTimeline();
        var warmer = new Signature { TemperatureOffsetCelsius = 0.4, OnsetOver = TimeSpan.Zero };

        var changes = Detectors.New().Run(cow.Next(TimeSpan.FromDays(3), warmer));

        Assert.True(changes.Count == 0, changes.Describe());
    }
}
