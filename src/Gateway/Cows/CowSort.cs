namespace CowHealth.Gateway.Cows;

/// <summary>Orders of the herd list; each breaks ties by cow id, so every cow has one place.</summary>
public enum CowSort
{
    /// <summary>By cow id: the order of the ear tags.</summary>
    CowId,

    /// <summary>The sickest first (Critical, Unwell, Watch, Healthy).</summary>
    HealthState,

    /// <summary>The longest silent first: oldest latest reading first.</summary>
    LatestReading,
}
