using CowHealth.Contracts;
using CowHealth.Processor.Detection;
using CowHealth.Simulator.Conditions;
using CowHealth.Simulator.Herd;
using Microsoft.Extensions.Options;

namespace CowHealth.Tests.Detection;

/// <summary>
/// The rules against the Simulator's herd: its own physiology, drinks and noise, conditions injected
/// with ground truth. Every injected condition must be detected on its cow within a delay a farmer
/// can act on, and cows left healthy must raise (almost) nothing.
/// </summary>
public sealed class SimulatedHerd_Specs
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Run = TimeSpan.FromDays(11);

    /// <summary>The longest a condition may go unnoticed after its onset (calving: before the calf is born).</summary>
    private static readonly Dictionary<HealthCondition, TimeSpan> MaxDelay = new()
    {
        [HealthCondition.Fever] = TimeSpan.FromHours(24),
        [HealthCondition.Heat] = TimeSpan.FromHours(6),
        [HealthCondition.Calving] = TimeSpan.FromHours(24),
        [HealthCondition.SubacuteRuminalAcidosis] = TimeSpan.FromHours(24),
        [HealthCondition.LowWaterIntake] = TimeSpan.FromHours(48),
        [HealthCondition.ExcessiveDrinking] = TimeSpan.FromHours(36),
        [HealthCondition.SensorOffline] = TimeSpan.FromHours(3),
        [HealthCondition.SensorFault] = TimeSpan.FromHours(4),
    };

    [Fact]
    public void Every_injected_condition_is_detected_on_its_cow_in_time_and_healthy_cows_raise_almost_nothing()
    {
        var herd = new HerdModel(
            Options.Create(new HerdOptions { Farms = 1, CowsPerFarm = 48, Seed = 11, PhBolusShare = 0.5 }),
            // The typical strength of each condition (the middle of its range); the alert-quality scorecard covers the whole range.
            Options.Create(new ConditionOptions
            {
                Spontaneous = false, FeverRiseCelsius = 1.0, HeatActivityFactor = 3.0, CalvingDropCelsius = 0.4, AcidosisPhDrop = 0.7,
                LowWaterIntakeShare = 0.35, ExcessiveDrinkingFactor = 3.0,
            }));
        var injected = Inject(herd);
        var detector = Detectors.New();

        var changes = new List<ConditionChange>();
        for (var at = Start; at < Start + Run; at += herd.SensorInterval)
        {
            foreach (var cow in herd.Cows)
            {
                if (herd.ReadingOf(cow, at) is { } reading)
                {
                    changes.AddRange(detector.Observe(reading));
                }
            }

            changes.AddRange(detector.CheckSilence("F01", at));
        }

        var missed = injected
            .Where(episode => !changes.Any(c => c.CowId == episode.CowId && c.Condition == episode.Condition
                && c.Kind == ConditionChangeKind.Detected
                && c.At >= episode.OnsetAt && c.At <= episode.OnsetAt + MaxDelay[episode.Condition]))
            .Select(episode => $"{episode.Condition} on {episode.CowId} from {episode.OnsetAt:MM-dd HH:mm}")
            .ToList();
        Assert.True(missed.Count == 0, "missed: " + string.Join("; ", missed) + Environment.NewLine + changes.Describe());

        var ill = injected.Select(e => e.CowId).ToHashSet();
        var falseAlarms = changes.Where(c => !ill.Contains(c.CowId) && c.Kind == ConditionChangeKind.Detected).ToList();
        var healthyCowDays = (herd.Cows.Count - ill.Count) * Run.TotalDays;
        Assert.True(falseAlarms.Count <= healthyCowDays / 100, $"{falseAlarms.Count} false alarms in {healthyCowDays} healthy cow-days:{Environment.NewLine}{falseAlarms.Describe()}");
    }

    /// <summary>Three cows per injectable condition, onsets spread over the days after warm-up and over the hours of the day.</summary>
    private static List<ConditionEpisode> Inject(HerdModel herd)
    {
        var episodes = new List<ConditionEpisode>();
        var withPh = new Queue<SimulatedCow>(herd.Cows.Where(c => c.HasPhBolus));
        var others = new Queue<SimulatedCow>(herd.Cows.Where(c => !c.HasPhBolus));
        var n = 0;
        foreach (var condition in InjectableConditions.All.Order())
        {
            for (var i = 0; i < 3; i++, n++)
            {
                var pool = condition == HealthCondition.SubacuteRuminalAcidosis || others.Count == 0 ? withPh : others;
                var cow = pool.Dequeue();
                var onset = Start + TimeSpan.FromDays(4) + TimeSpan.FromHours(n * 7 % 96);
                var outcome = herd.Scenarios.TryInject(cow, condition, onset, InjectableConditions.DefaultDurationOf(condition), out var episode);
                Assert.Equal(InjectionOutcome.Recorded, outcome);
                episodes.Add(episode!);
            }
        }

        return episodes;
    }
}
