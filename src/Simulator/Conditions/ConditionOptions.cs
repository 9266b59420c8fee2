using System.ComponentModel.DataAnnotations;

namespace CowHealth.Simulator.Conditions;

/// <summary>
/// How conditions arise on their own, and how strongly each one shows in the readings.
/// Section <c>Conditions</c>. Rates are per cow per year; the defaults are those of a typical
/// well-run dairy herd (see docs/simulator.md).
/// </summary>
public sealed class ConditionOptions
{
    public const string Section = "Conditions";

    /// <summary>Whether conditions arise on their own. Off gives a herd that only falls ill when told to.</summary>
    public bool Spontaneous { get; set; } = true;

    /// <summary>Fevers (mastitis, metritis, pneumonia) per cow per year.</summary>
    [Range(0.0, 50.0)]
    public double FeverPerCowYear { get; set; } = 0.35;

    /// <summary>Episodes of subacute ruminal acidosis per cow per year.</summary>
    [Range(0.0, 50.0)]
    public double SubacuteRuminalAcidosisPerCowYear { get; set; } = 0.5;

    /// <summary>Spells of low water intake per cow per year.</summary>
    [Range(0.0, 50.0)]
    public double LowWaterIntakePerCowYear { get; set; } = 0.3;

    /// <summary>Spells of a bolus sending nothing (out of reach of the base station) per cow per year.</summary>
    [Range(0.0, 50.0)]
    public double SensorOfflinePerCowYear { get; set; } = 1.0;

    /// <summary>Spells of a bolus sending nonsense per cow per year.</summary>
    [Range(0.0, 50.0)]
    public double SensorFaultPerCowYear { get; set; } = 0.05;

    /// <summary>
    /// Days between two calvings of a cow (each cow varies by up to 20 days). Heats follow from it:
    /// from about 45 days after calving, every 21 days, until she conceives 280 days before the next calving.
    /// </summary>
    [Range(330, 600)]
    public int CalvingIntervalDays { get; set; } = 400;

    /// <summary>How far every fever lifts temperature above the cow's normal; unset, each fever draws from 0.5–1.5 °C.</summary>
    [Range(0.3, 3.0)]
    public double? FeverRiseCelsius { get; set; }

    /// <summary>Hours from a fever's onset until it reaches <see cref="FeverRiseCelsius"/> (shorter fevers rise faster).</summary>
    [Range(0.5, 96.0)]
    public double FeverRiseHours { get; set; } = 12;

    /// <summary>Activity in every heat as a multiple of the cow's usual activity at that hour; unset, each heat draws from 1.8–4×.</summary>
    [Range(1.2, 10.0)]
    public double? HeatActivityFactor { get; set; }

    /// <summary>How far temperature drops before every calving; unset, each calving draws from 0.2–0.6 °C.</summary>
    [Range(0.1, 2.0)]
    public double? CalvingDropCelsius { get; set; }

    /// <summary>How far rumen pH falls below normal in every episode of subacute ruminal acidosis; unset, each draws from 0.4–1.0.</summary>
    [Range(0.2, 2.0)]
    public double? AcidosisPhDrop { get; set; }

    /// <summary>Share of her usual drinking cycles (and so water) a cow keeps during every spell of low water intake; unset, each draws from 25–60 %.</summary>
    [Range(0.0, 0.9)]
    public double? LowWaterIntakeShare { get; set; }

    /// <summary>Her drinking cycles as a multiple of her usual during every episode of excessive drinking (injected only); unset, each draws from 1.8–3×.</summary>
    [Range(1.2, 4.0)]
    public double? ExcessiveDrinkingFactor { get; set; }

    /// <summary>Conditions given to named cows from the start, relative to the simulation's first reading (a demo herd, a scenario).</summary>
    public List<ScheduledCondition> Scheduled { get; set; } = [];

    /// <summary>Most conditions the Fake API accepts by injection; beyond it, injections are refused so memory stays bounded.</summary>
    [Range(1, 1_000_000)]
    public int MaxInjected { get; set; } = 10_000;
}
