using CowHealth.Contracts;
using CowHealth.Simulator.Herd;

namespace CowHealth.Simulator.Conditions;

/// <summary>
/// Calving and heat follow each cow's calving cycle rather than chance: she calves once per
/// calving interval, her temperature drops about a day before; from about 45 days after calving
/// she comes into heat every 21 days (8–18 hours each) until she conceives 280 days before her
/// next calving, and shows no heat while pregnant.
/// </summary>
internal sealed class ReproductiveCycle(int seed, ConditionOptions options)
{
    private static readonly TimeSpan Gestation = TimeSpan.FromDays(280);
    private static readonly TimeSpan EstrousCycle = TimeSpan.FromDays(21);
    private static readonly TimeSpan EarliestFirstHeat = TimeSpan.FromDays(40);
    private static readonly TimeSpan FirstHeatSpread = TimeSpan.FromDays(15);
    private static readonly TimeSpan HeatJitter = TimeSpan.FromDays(3);
    private static readonly TimeSpan ShortestHeat = TimeSpan.FromHours(8);
    private static readonly TimeSpan LongestHeat = TimeSpan.FromHours(18);
    private static readonly TimeSpan ShortestCalvingPrelude = TimeSpan.FromHours(18);
    private static readonly TimeSpan LongestCalvingPrelude = TimeSpan.FromHours(30);

    // Heats of one cycle are numbered 0, 1, ... and share the cycle's step: step = cycle * 64 + heat.
    private const int HeatsPerCycleStep = 64;

    public void Visit<TVisitor>(SimulatedCow cow, long fromTicks, long toTicks, ref TVisitor visitor)
        where TVisitor : struct, IEpisodeVisitor
    {
        var calvings = cow.Calvings;
        var from = new DateTimeOffset(fromTicks, TimeSpan.Zero);
        var to = new DateTimeOffset(toTicks - 1, TimeSpan.Zero);
        var firstCycle = calvings.CycleOf(from);
        var lastCycle = calvings.CycleOf(to);

        // A calving's prelude lies just before it, so the calving after the window may reach into it.
        for (var cycle = firstCycle; cycle <= lastCycle + 1; cycle++)
        {
            var calving = calvings.CalvingAt(cycle).UtcTicks;
            var prelude = Between(ShortestCalvingPrelude, LongestCalvingPrelude, cow, cycle, NoiseChannel.CalvingPrelude);
            var span = new EpisodeSpan(HealthCondition.Calving, calving - prelude, calving, false, cycle, NoiseChannel.CalvingPrelude, double.NaN);
            if (span.Overlaps(fromTicks, toTicks))
            {
                visitor.Visit(span with { Severity = SeverityOf(HealthCondition.Calving, cow, cycle) });
            }
        }

        for (var cycle = firstCycle; cycle <= lastCycle; cycle++)
        {
            var calving = calvings.CalvingAt(cycle).UtcTicks;
            var conception = calvings.CalvingAt(cycle + 1).UtcTicks - Gestation.Ticks;
            var firstHeat = calving + EarliestFirstHeat.Ticks + Between(TimeSpan.Zero, FirstHeatSpread, cow, cycle, NoiseChannel.FirstHeatAfterCalving);
            var heat = Math.Max(0, ((fromTicks - firstHeat - HeatJitter.Ticks) / EstrousCycle.Ticks) - 1);
            for (; heat < HeatsPerCycleStep; heat++)
            {
                var step = (cycle * HeatsPerCycleStep) + heat;
                var onset = firstHeat + (heat * EstrousCycle.Ticks)
                    + (heat == 0 ? 0 : Between(-HeatJitter / 2, HeatJitter / 2, cow, step, NoiseChannel.HeatJitter));
                if (onset >= toTicks || onset > conception)
                {
                    break;
                }

                var end = onset + Between(ShortestHeat, LongestHeat, cow, step, NoiseChannel.HeatDuration);
                var span = new EpisodeSpan(HealthCondition.Heat, onset, end, false, step, NoiseChannel.HeatDuration, double.NaN);
                if (span.Overlaps(fromTicks, toTicks))
                {
                    visitor.Visit(span with { Severity = SeverityOf(HealthCondition.Heat, cow, step) });
                }
            }
        }
    }

    private double SeverityOf(HealthCondition condition, SimulatedCow cow, long step) =>
        ConditionSeverity.Resolve(condition, options, DeterministicNoise.Uniform(seed, cow.Index, step, NoiseChannel.ConditionSeverity + (int)condition))!.Value;

    // Whole minutes, so ground truth reads like a farm record rather than a clock's ticks.
    private long Between(TimeSpan shortest, TimeSpan longest, SimulatedCow cow, long step, int channel) =>
        shortest.Ticks + ((long)(DeterministicNoise.Uniform(seed, cow.Index, step, channel) * (longest - shortest).TotalMinutes) * TimeSpan.TicksPerMinute);
}
