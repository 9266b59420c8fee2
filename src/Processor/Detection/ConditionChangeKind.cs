namespace CowHealth.Processor.Detection;

/// <summary>Whether a condition started or ended.</summary>
public enum ConditionChangeKind
{
    /// <summary>The condition is present now: raise an alert, or re-open a recent one.</summary>
    Detected,

    /// <summary>The condition stayed clear for its clearing window: resolve the alert.</summary>
    Cleared,
}
