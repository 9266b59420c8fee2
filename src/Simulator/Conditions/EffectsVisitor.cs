namespace CowHealth.Simulator.Conditions;

/// <summary>Applies the signature of each condition active at one reading's time.</summary>
internal struct EffectsVisitor(ConditionSignatures signatures, long atTicks) : IEpisodeVisitor
{
    public ConditionEffects Effects = new();

    public void Visit(in EpisodeSpan span)
    {
        if (span.OnsetTicks <= atTicks && atTicks < span.EndTicks)
        {
            signatures.Apply(span.Condition, span.OnsetTicks, span.EndTicks, atTicks, span.WithProdromalPeaks, span.Severity, ref Effects);
        }
    }
}
