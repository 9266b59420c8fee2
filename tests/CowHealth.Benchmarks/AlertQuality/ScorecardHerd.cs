using CowHealth.Contracts;
using CowHealth.Simulator.Conditions;
using CowHealth.Simulator.Herd;
using Microsoft.Extensions.Options;

namespace CowHealth.Benchmarks.AlertQuality;

/// <summary>
/// One seed's herd for the scorecard: the Simulator's own model with its spontaneous conditions
/// (fevers, acidosis, low water intake, sensor trouble at their rates; heats and calvings from each
/// cow's cycle), plus injected episodes of every injectable condition on cows of their own, onsets
/// spread over the days after warm-up and the hours of the day, severities spread evenly over each
/// condition's documented range. The rest of the herd is left alone.
/// </summary>
internal sealed class ScorecardHerd
{
    /// <summary>Episodes begin after this much history: the longest warm-up of a rule (low water intake, 3 days) and a half.</summary>
    public static readonly TimeSpan InjectFrom = TimeSpan.FromDays(3.5);

    private ScorecardHerd(HerdModel herd, ConditionOptions conditions, DateTimeOffset start, TimeSpan length)
    {
        Herd = herd;
        Conditions = conditions;
        Start = start;
        End = start + length;
    }

    public HerdModel Herd { get; }

    public ConditionOptions Conditions { get; }

    public DateTimeOffset Start { get; }

    public DateTimeOffset End { get; }

    public static ScorecardHerd Build(int seed, int farms, int cowsPerFarm, int days, int episodesPerCondition)
    {
        var conditions = new ConditionOptions();
        var herd = new HerdModel(
            Options.Create(new HerdOptions { Farms = farms, CowsPerFarm = cowsPerFarm, Seed = seed, PhBolusShare = 0.3 }),
            Options.Create(conditions));
        var scorecard = new ScorecardHerd(herd, conditions, new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromDays(days));
        scorecard.Inject(new Random(seed), episodesPerCondition);
        return scorecard;
    }

    /// <summary>Every reading of the run, in event-time order across the herd, as boluses would send them.</summary>
    public List<SensorReading> Readings()
    {
        var readings = new List<SensorReading>((int)((End - Start) / Herd.SensorInterval) * Herd.Cows.Count);
        for (var at = Start; at < End; at += Herd.SensorInterval)
        {
            foreach (var cow in Herd.Cows)
            {
                if (Herd.ReadingOf(cow, at) is { } reading)
                {
                    readings.Add(reading);
                }
            }
        }

        return readings;
    }

    /// <summary>Ground truth: every episode, injected or spontaneous, overlapping the run.</summary>
    public IReadOnlyList<ConditionEpisode> Episodes() => new GroundTruth(Herd).Between(Start, End);

    private void Inject(Random random, int episodesPerCondition)
    {
        var order = Herd.Cows.OrderBy(_ => random.Next()).ToList();
        var withPh = new Queue<SimulatedCow>(order.Where(c => c.HasPhBolus));
        var others = new Queue<SimulatedCow>(order.Where(c => !c.HasPhBolus));
        // Onsets fall in the days after warm-up such that the longest default episode (3 days) and its clearing end inside the run.
        var lastOnset = End - Start - InjectFrom - TimeSpan.FromDays(4.5);
        foreach (var condition in InjectableConditions.All.Order())
        {
            for (var i = 0; i < episodesPerCondition; i++)
            {
                var pool = condition == HealthCondition.SubacuteRuminalAcidosis ? withPh : others;
                if (pool.Count == 0)
                {
                    throw new InvalidOperationException($"The herd has too few cows for {episodesPerCondition} episodes of each condition.");
                }

                var onset = Herd.AlignToInterval(Start + InjectFrom + (lastOnset * ((i + random.NextDouble()) / episodesPerCondition)));
                // Severities spread evenly over the documented range, in a shuffled order against the onsets.
                var severity = ConditionSeverity.RangeOf(condition)?.At((((i * 7) + 3) % episodesPerCondition + random.NextDouble()) / episodesPerCondition);
                var outcome = Herd.Scenarios.TryInject(
                    pool.Dequeue(), condition, onset, InjectableConditions.DefaultDurationOf(condition), severity, out _);
                if (outcome != InjectionOutcome.Recorded)
                {
                    throw new InvalidOperationException($"Injecting {condition} at {onset:u} was refused: {outcome}.");
                }
            }
        }
    }
}
