namespace CowHealth.Contracts;

/// <summary>
/// Why a rule raised an alert: the measure it watched, what it saw against the cow's own baseline,
/// and the window of readings (event time) that made the case.
/// </summary>
/// <param name="Measure">The reading field the rule watched, e.g. <c>RumenTemperatureCelsius</c>.</param>
/// <param name="ObservedValue">The value that crossed the threshold (mean over the window).</param>
/// <param name="BaselineValue">The cow's own normal for the same measure (and hour of day, where it has a rhythm).</param>
/// <param name="Threshold">The limit the rule applied, in the measure's unit.</param>
/// <param name="Summary">One sentence a farmer can read.</param>
/// <param name="Action">When to act, for alerts that have a time for it (heat: when to inseminate; calving: when to expect the calf); null otherwise.</param>
public sealed record AlertEvidence(
    string Measure,
    double ObservedValue,
    double BaselineValue,
    double Threshold,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    string Summary,
    ActionWindow? Action = null);
