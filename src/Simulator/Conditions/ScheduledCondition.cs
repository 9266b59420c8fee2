namespace CowHealth.Simulator.Conditions;

/// <summary>
/// A condition a cow is given from the start, by configuration (<c>Conditions:Scheduled:0:CowId</c>
/// and so on): a demo herd, or a scenario to replay, without calling the Fake API.
/// </summary>
public sealed class ScheduledCondition
{
    /// <summary>The cow, as <c>GET /api/herd</c> lists her (<c>F01-C0003</c>).</summary>
    public string CowId { get; set; } = "";

    /// <summary>One of the injectable conditions (<c>Fever</c>, <c>Heat</c>, ...).</summary>
    public string Condition { get; set; } = "";

    /// <summary>Onset, in simulated hours after the simulation's first reading.</summary>
    public double OnsetAfterHours { get; set; }

    /// <summary>How long it lasts; the condition's typical length when not given.</summary>
    public double? DurationHours { get; set; }

    /// <summary>How strongly it shows, in the condition's unit (as the Fake API takes it); the <c>Conditions:*</c> setting or a draw when not given.</summary>
    public double? Severity { get; set; }
}
