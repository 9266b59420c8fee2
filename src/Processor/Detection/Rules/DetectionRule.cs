using CowHealth.Contracts;

namespace CowHealth.Processor.Detection.Rules;

/// <summary>
/// One condition's rule: what makes a reading abnormal or clear for it, how urgent a confirmed case
/// is, and how to explain it. A rule keeps no state of its own (one instance serves every cow of a
/// farm, from any thread); whatever it averages lives in the cow's <see cref="ConditionTrack"/>,
/// and the track applies the rule's windows.
/// </summary>
internal abstract class DetectionRule(HealthCondition condition, ConditionRuleSettings settings)
{
    public HealthCondition Condition { get; } = condition;

    /// <summary>How long the abnormal run must last before the condition is detected.</summary>
    public int SustainedForSeconds { get; } = (int)settings.SustainedFor.TotalSeconds;

    /// <summary>How long the cow must look clear before the condition is cleared.</summary>
    public int ClearAfterSeconds { get; } = (int)settings.ClearAfter.TotalSeconds;

    /// <summary>Judges one reading; updates the averages the rule keeps in <paramref name="track"/>.</summary>
    public abstract Verdict Judge(ref ConditionTrack track, in CowSignals signals);

    /// <summary>How urgent a case is whose run averaged <paramref name="meanObserved"/> against a normal of <paramref name="meanBaseline"/>.</summary>
    public abstract AlertSeverity SeverityOf(double meanObserved, double meanBaseline);

    public abstract AlertEvidence DetectedEvidence(in Episode episode);

    public abstract AlertEvidence ClearedEvidence(in Episode episode);

    protected static AlertEvidence Evidence(string measure, in Episode episode, double threshold, string summary, ActionWindow? action = null) =>
        new(measure, Finite(episode.Observed), Finite(episode.Baseline), Finite(threshold), episode.Start, episode.End, summary, action);

    // JSON has no NaN: a value a rule could not know yet is reported as 0 rather than breaking the alert's serialization.
    private static double Finite(double value) => double.IsFinite(value) ? Math.Round(value, 3) : 0;
}
