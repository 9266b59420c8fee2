using CowHealth.Contracts;
using CowHealth.Processor.Detection;

namespace CowHealth.Tests.Detection;

/// <summary>A bolus that goes quiet while its farm's event time moves on.</summary>
public sealed class SensorOffline_Specs
{
    private static readonly TimeSpan SilentFor = new DetectionOptions().SensorOffline.SilentFor;

    private readonly HerdDetector _detector = Detectors.New();
    private readonly CowTimeline _cow = new("F01-C0001", seed: 1);
    private readonly CowTimeline _mate = new("F01-C0002", seed: 2);

    [Fact]
    public void A_silent_bolus_is_offline_from_the_moment_its_silence_passed_the_threshold()
    {
        var last = Heard(_cow, TimeSpan.FromHours(6));

        Assert.Empty(_detector.CheckSilence("F01", last + SilentFor));
        var offline = Assert.Single(_detector.CheckSilence("F01", last + SilentFor + TimeSpan.FromMinutes(25)));

        Assert.Equal((HealthCondition.SensorOffline, ConditionChangeKind.Detected, AlertSeverity.Info), (offline.Condition, offline.Kind, offline.Severity));
        Assert.Equal(last + SilentFor, offline.At);
        Assert.Equal(last, offline.Evidence.WindowStart);
    }

    [Fact]
    public void An_offline_bolus_is_raised_once_however_often_silence_is_checked()
    {
        var last = Heard(_cow, TimeSpan.FromHours(6));

        var changes = Enumerable.Range(1, 60)
            .SelectMany(minutes => _detector.CheckSilence("F01", last + SilentFor + TimeSpan.FromMinutes(minutes)))
            .ToList();

        Assert.Single(changes);
    }

    [Fact]
    public void Only_the_silent_bolus_of_a_farm_is_offline_and_its_next_reading_brings_it_back()
    {
        Heard(_cow, TimeSpan.FromHours(6));
        var gap = _cow.Healthy(TimeSpan.FromHours(4));
        var mateReadings = _mate.Healthy(TimeSpan.FromHours(10));
        var changes = new List<ConditionChange>();
        foreach (var reading in mateReadings)
        {
            changes.AddRange(_detector.Observe(reading));
            changes.AddRange(_detector.CheckSilence("F01", reading.MeasuredAt));
        }

        var back = _cow.Healthy(TimeSpan.FromMinutes(10)).Single();
        changes.AddRange(_detector.Observe(back));

        Assert.Equal([ConditionChangeKind.Detected, ConditionChangeKind.Cleared], changes.Select(c => c.Kind));
        Assert.All(changes, c => Assert.Equal(("F01-C0001", HealthCondition.SensorOffline), (c.CowId, c.Condition)));
        Assert.Equal(back.MeasuredAt, changes[1].At);
        Assert.True(gap.Count > 0);
    }

    [Fact]
    public void Another_farms_event_time_and_an_unknown_farm_raise_nothing()
    {
        var last = Heard(_cow, TimeSpan.FromHours(6));

        Assert.Empty(_detector.CheckSilence("F02", last + TimeSpan.FromDays(1)));
        Assert.Empty(_detector.CheckSilence("no-such-farm", last + TimeSpan.FromDays(1)));
    }

    private DateTimeOffset Heard(CowTimeline cow, TimeSpan span)
    {
        var readings = cow.Healthy(span);
        _detector.Run(readings);
        return readings[^1].MeasuredAt;
    }
}
