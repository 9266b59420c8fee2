namespace CowHealth.Simulator.Conditions;

/// <summary>
/// Receives each spontaneous condition found in a time window. Implemented by structs so that the
/// per-reading path (apply the active ones) and the ground-truth path (list them) share one search
/// without allocating.
/// </summary>
internal interface IEpisodeVisitor
{
    void Visit(in EpisodeSpan span);
}
