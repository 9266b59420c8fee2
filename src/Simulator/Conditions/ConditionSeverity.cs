using CowHealth.Contracts;

namespace CowHealth.Simulator.Conditions;

/// <summary>
/// How strongly an episode of a condition shows, in the condition's own unit, and the range real
/// cows span (sources in docs/simulator.md). Each episode draws its severity uniformly from the range
/// unless one is given: by the Fake API or a scheduled condition for that episode, or by the
/// condition's <c>Conditions:*</c> setting for every episode. Sensor trouble has no severity.
/// </summary>
public static class ConditionSeverity
{
    /// <summary>The documented range of a condition's severity, mildest end first; null when the condition has none.</summary>
    public static SeverityRange? RangeOf(HealthCondition condition) => condition switch
    {
        // Adams et al. 2013 flag illness at 0.8 °C over a cow's own reticular baseline; a high fever is 1.5 °C over (40.5 °C).
        HealthCondition.Fever => new(0.5, 1.5, "°C rise", 0.3, 3.0),
        // Kiddy 1977: 2.75× in comfort stalls to 4× in free stalls; heats of high-yielding cows are often weaker (Løvendahl and Chagunda 2010).
        HealthCondition.Heat => new(1.8, 4.0, "× activity", 1.2, 10.0),
        // Burfeind et al. 2011: 0.2–0.5 °C over the last day before calving.
        HealthCondition.Calving => new(0.2, 0.6, "°C drop", 0.1, 2.0),
        // Dohme et al. 2008: SARA holds pH below 5.8 (and 5.5) for hours, from a healthy 6.2–6.6.
        HealthCondition.SubacuteRuminalAcidosis => new(0.4, 1.0, "pH drop", 0.2, 2.0),
        // Mildest when she keeps most of her drinking cycles.
        HealthCondition.LowWaterIntake => new(0.6, 0.25, "of drinking cycles kept", 0.0, 0.9),
        HealthCondition.ExcessiveDrinking => new(1.8, 3.0, "× drinking cycles", 1.2, 4.0),
        _ => null,
    };

    /// <summary>The value a <c>Conditions:*</c> setting fixes for every episode of the condition, if set.</summary>
    public static double? Configured(HealthCondition condition, ConditionOptions options) => condition switch
    {
        HealthCondition.Fever => options.FeverRiseCelsius,
        HealthCondition.Heat => options.HeatActivityFactor,
        HealthCondition.Calving => options.CalvingDropCelsius,
        HealthCondition.SubacuteRuminalAcidosis => options.AcidosisPhDrop,
        HealthCondition.LowWaterIntake => options.LowWaterIntakeShare,
        HealthCondition.ExcessiveDrinking => options.ExcessiveDrinkingFactor,
        _ => null,
    };

    /// <summary>
    /// The severity of an episode: the configured value if there is one, otherwise the point
    /// <paramref name="uniform"/> (in [0, 1)) of the way from the mildest to the strongest end; null without a severity.
    /// </summary>
    public static double? Resolve(HealthCondition condition, ConditionOptions options, double uniform) =>
        Configured(condition, options) ?? (RangeOf(condition) is { } range ? range.At(uniform) : null);
}

/// <summary>A condition's documented severity range and what the Simulator accepts when told a value.</summary>
/// <param name="Mildest">The mildest end of the range real cows span.</param>
/// <param name="Strongest">The strongest end.</param>
/// <param name="Unit">What the number means.</param>
/// <param name="AcceptedMin">The smallest value an injection or a setting may give.</param>
/// <param name="AcceptedMax">The largest.</param>
public sealed record SeverityRange(double Mildest, double Strongest, string Unit, double AcceptedMin, double AcceptedMax)
{
    public double At(double uniform) => Math.Round(Mildest + ((Strongest - Mildest) * uniform), 3);

    public bool Accepts(double value) => value >= AcceptedMin && value <= AcceptedMax;
}
