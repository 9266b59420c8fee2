using System.Text.Json;
using CowHealth.Contracts;
using CowHealth.Processor.Detection;

namespace CowHealth.Tests.Detection;

/// <summary>The detector as the Processor uses it: a herd, threads, restarts, memory.</summary>
public sealed class HerdDetector_Specs
{
    [Fact]
    public void A_healthy_herd_raises_nothing_in_two_weeks()
    {
        var detector = Detectors.New();
        var herd = Enumerable.Range(1, 30)
            .Select(n => new CowTimeline($"F01-C{n:D4}", seed: n, phBolus: n % 3 == 0, reportsLitres: n % 4 != 0))
            .ToList();

        var changes = herd.SelectMany(cow => detector.Run(cow.Healthy(TimeSpan.FromDays(14)))).ToList();

        Assert.True(changes.Count == 0, changes.Describe());
        Assert.Equal(30, detector.TrackedCows);
    }

    [Fact]
    public void Cows_observed_from_several_threads_at_once_get_the_same_changes_as_one_by_one()
    {
        var cases = Enumerable.Range(0, 40)
            .Select(n => RuleScenario.All[n % RuleScenario.All.Count].Readings(seed: n + 1, cowId: $"F01-C{n:D4}"))
            .ToList();
        var sequential = Detectors.New();
        var expected = cases.ToDictionary(readings => readings[0].CowId, readings => sequential.Run(readings));

        var parallel = Detectors.New();
        var actual = new System.Collections.Concurrent.ConcurrentDictionary<string, List<ConditionChange>>();
        Parallel.ForEach(cases, new ParallelOptions { MaxDegreeOfParallelism = 4 }, readings => actual[readings[0].CowId] = parallel.Run(readings));

        Assert.All(expected, pair => Assert.Equal(pair.Value, actual[pair.Key]));
    }

    [Fact]
    public void A_reading_that_changes_nothing_allocates_nothing()
    {
        var detector = Detectors.New();
        var cow = new CowTimeline(phBolus: true);
        detector.Run(cow.Healthy(TimeSpan.FromDays(3)));
        var day = cow.Healthy(TimeSpan.FromDays(1));
        detector.Run(day.Take(10));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var changes = 0;
        for (var i = 10; i < day.Count; i++)
        {
            changes += detector.Observe(day[i]).Count;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, changes);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void A_snapshot_stays_under_a_kilobyte_of_json_even_with_every_condition_open()
    {
        var detector = Detectors.New();
        var cow = new CowTimeline(phBolus: true);
        detector.Run(cow.Healthy(TimeSpan.FromDays(3)));
        var everything = new Signature { TemperatureOffsetCelsius = 1.5, ActivityFactor = 0.3, RuminationFactor = 0.3, DrinkingFactor = 0.1, Ph = 5.4 };
        var changes = detector.Run(cow.Next(TimeSpan.FromDays(2), everything));
        changes.AddRange(detector.CheckSilence("F01", cow.Now + TimeSpan.FromDays(1)));

        var json = JsonSerializer.Serialize(detector.Snapshot(cow.CowId));

        Assert.True(changes.Count >= 6, changes.Describe());
        Assert.InRange(json.Length, 100, 1_024);
    }

    [Fact]
    public void A_snapshot_of_an_unknown_layout_is_refused_with_what_to_do()
    {
        var detector = Detectors.New();
        var cow = new CowTimeline();
        detector.Run(cow.Healthy(TimeSpan.FromHours(1)));
        var snapshot = detector.Snapshot(cow.CowId)!;

        var error = Assert.Throws<ArgumentException>(() => Detectors.New().Restore(snapshot with { FormatVersion = 99 }));
        Assert.Contains("relearns", error.Message);
        Assert.Throws<ArgumentException>(() => Detectors.New().Restore(snapshot with { State = snapshot.State[..^3] }));
        Assert.Null(detector.Snapshot("never-seen"));
    }

    [Fact]
    public void A_forgotten_cow_starts_afresh_and_a_restored_one_carries_on()
    {
        var detector = Detectors.New();
        var cow = new CowTimeline();
        var readings = cow.Healthy(TimeSpan.FromDays(2));
        detector.Run(readings);
        var saved = detector.Snapshot(cow.CowId)!;

        Assert.True(detector.Forget(cow.CowId));
        Assert.False(detector.IsTracked(cow.CowId));
        Assert.Equal(0, detector.TrackedCows);
        Assert.Empty(detector.CheckSilence("F01", readings[^1].MeasuredAt + TimeSpan.FromDays(1)));

        detector.Restore(saved);
        Assert.True(detector.IsTracked(cow.CowId));
        Assert.Equal(1, detector.TrackedCows);
        Assert.Empty(detector.Observe(readings[^1]));
        Assert.Equal(readings[^1].MeasuredAt, saved.LastMeasuredAt);
    }

    [Fact]
    public void A_farm_override_applies_to_that_farm_only()
    {
        var detector = Detectors.New(options =>
        {
            var farm = options.CopySettings();
            // A farm that wants to hear only of clear fevers.
            farm.Fever.MarginCelsius = 1.0;
            farm.Fever.ClearMarginCelsius = 0.5;
            options.Farms["F02"] = farm;
        });
        var mildFever = new Signature { TemperatureOffsetCelsius = 0.65 };
        var changes = new List<ConditionChange>();
        foreach (var farmId in new[] { "F01", "F02" })
        {
            var cow = new CowTimeline($"{farmId}-C0001", farmId);
            changes.AddRange(detector.Run([.. cow.Healthy(TimeSpan.FromDays(3)), .. cow.Next(TimeSpan.FromHours(4), mildFever)]));
        }

        var fever = Assert.Single(changes);
        Assert.Equal(("F01", HealthCondition.Fever), (fever.FarmId, fever.Condition));
    }
}
