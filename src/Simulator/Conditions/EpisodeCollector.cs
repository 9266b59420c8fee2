using CowHealth.Simulator.Herd;

namespace CowHealth.Simulator.Conditions;

/// <summary>Turns each spontaneous condition found into a ground-truth record.</summary>
internal readonly struct EpisodeCollector(SimulatedCow cow, int seed, List<ConditionEpisode> into) : IEpisodeVisitor
{
    public void Visit(in EpisodeSpan span) => into.Add(new ConditionEpisode(
        DeterministicNoise.Identifier(seed, cow.Index, span.IdStep, span.IdChannel),
        cow.CowId,
        cow.FarmId,
        span.Condition,
        new DateTimeOffset(span.OnsetTicks, TimeSpan.Zero),
        new DateTimeOffset(span.EndTicks, TimeSpan.Zero),
        ConditionOrigin.Spontaneous,
        double.IsNaN(span.Severity) ? null : span.Severity));
}
