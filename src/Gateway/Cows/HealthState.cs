namespace CowHealth.Gateway.Cows;

/// <summary>
/// How a cow is doing, read from her open alerts (raised, escalated or acknowledged: an
/// acknowledged alert means someone is on it, not that she is better). It is the most severe
/// open alert's severity; a cow without open alerts is healthy. The numbers order the states.
/// </summary>
public enum HealthState
{
    /// <summary>No open alert.</summary>
    Healthy = 0,

    /// <summary>Only Info alerts are open (heat, a sensor question): worth a look at the next round.</summary>
    Watch = 1,

    /// <summary>A Warning alert is open: look at her today.</summary>
    Unwell = 2,

    /// <summary>A Critical alert is open: look at her now.</summary>
    Critical = 3,
}
