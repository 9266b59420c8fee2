using CowHealth.Simulator.Herd;

namespace CowHealth.Simulator.Conditions;

/// <summary>
/// Everything that happens to the herd without being asked for, as a pure function of the seed:
/// illness and sensor trouble at their rates, calving and heat from each cow's calving cycle.
/// </summary>
public sealed class SpontaneousConditions
{
    private readonly int _seed;
    private readonly bool _enabled;
    private readonly RateDrivenConditions _rateDriven;
    private readonly ReproductiveCycle _reproduction;

    public SpontaneousConditions(int seed, ConditionOptions options)
    {
        _seed = seed;
        _enabled = options.Spontaneous;
        _rateDriven = new RateDrivenConditions(seed, options);
        _reproduction = new ReproductiveCycle(seed, options);
    }

    /// <summary>Adds the signatures of the spontaneous conditions <paramref name="cow"/> has at <paramref name="at"/>.</summary>
    public void AddEffects(SimulatedCow cow, DateTimeOffset at, ConditionSignatures signatures, ref ConditionEffects effects)
    {
        if (!_enabled)
        {
            return;
        }

        var visitor = new EffectsVisitor(signatures, at.UtcTicks) { Effects = effects };
        Visit(cow, at.UtcTicks, at.UtcTicks + 1, ref visitor);
        effects = visitor.Effects;
    }

    /// <summary>Adds to <paramref name="into"/> every spontaneous condition of <paramref name="cow"/> that overlaps [from, to).</summary>
    public void AddEpisodes(SimulatedCow cow, DateTimeOffset from, DateTimeOffset to, List<ConditionEpisode> into)
    {
        if (!_enabled || to <= from)
        {
            return;
        }

        var collector = new EpisodeCollector(cow, _seed, into);
        Visit(cow, from.UtcTicks, to.UtcTicks, ref collector);
    }

    private void Visit<TVisitor>(SimulatedCow cow, long fromTicks, long toTicks, ref TVisitor visitor)
        where TVisitor : struct, IEpisodeVisitor
    {
        _rateDriven.Visit(cow, fromTicks, toTicks, ref visitor);
        _reproduction.Visit(cow, fromTicks, toTicks, ref visitor);
    }
}
