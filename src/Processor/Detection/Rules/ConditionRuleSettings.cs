using System.ComponentModel.DataAnnotations;

namespace CowHealth.Processor.Detection.Rules;

/// <summary>
/// What every condition rule shares: how long its signature must hold before the condition is
/// detected, and how long the cow must look clear again before it is cleared. Both are event time.
/// </summary>
public abstract class ConditionRuleSettings
{
    /// <summary>How long readings must stay beyond the threshold (with short interruptions tolerated) before the condition is detected.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan SustainedFor { get; set; }

    /// <summary>How long readings must stay on the clear side of the threshold before the condition is cleared.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "14.00:00:00")]
    public TimeSpan ClearAfter { get; set; }

    /// <summary>A copy to override per farm; every setting is a value, so a shallow copy is a full one.</summary>
    internal ConditionRuleSettings CopySettings() => (ConditionRuleSettings)MemberwiseClone();
}
