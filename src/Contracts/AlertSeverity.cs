namespace CowHealth.Contracts;

/// <summary>How urgently a person should look at the cow.</summary>
public enum AlertSeverity
{
    /// <summary>Worth a look at the next round (heat, a sensor question).</summary>
    Info,

    /// <summary>Look at the cow today.</summary>
    Warning,

    /// <summary>Look at the cow now; escalates fastest when nobody acknowledges it.</summary>
    Critical,
}
