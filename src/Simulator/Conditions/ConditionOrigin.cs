namespace CowHealth.Simulator.Conditions;

/// <summary>How a condition came about.</summary>
public enum ConditionOrigin
{
    /// <summary>Someone asked for it through the Fake API (or a test).</summary>
    Injected,

    /// <summary>It arose on its own at the configured rate, or from the cow's calving cycle.</summary>
    Spontaneous,
}
