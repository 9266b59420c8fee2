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

    /// <summary>How far a fever lifts temperature above the cow's normal.</summary>
    [Range(0.3, 3.0)]
    public double FeverRiseCelsius { get; set; } = 1.0;

    /// <summary>Hours from a fever's onset until it reaches <see cref="FeverRiseCelsius"/> (shorter fevers rise faster).</summary>
    [Range(0.5, 96.0)]
    public double FeverRiseHours { get; set; } = 12;

    /// <summary>Activity in heat as a multiple of the cow's usual activity at that hour.</summary>
    [Range(1.5, 10.0)]
    public double HeatActivityFactor { get; set; } = 3.0;

    /// <summary>How far temperature drops before calving.</summary>
    [Range(0.1, 2.0)]
    public double CalvingDropCelsius { get; set; } = 0.4;

    /// <summary>How far rumen pH falls below normal in subacute ruminal acidosis.</summary>
    [Range(0.2, 2.0)]
    public double AcidosisPhDrop { get; set; } = 0.7;

    /// <summary>Share of her usual drinking cycles (and so water) a cow keeps during low water intake.</summary>
    [Range(0.0, 0.9)]
    public double LowWaterIntakeShare { get; set; } = 0.35;

    /// <summary>Conditions given to named cows from the start, relative to the simulation's first reading (a demo herd, a scenario).</summary>
    public List<ScheduledCondition> Scheduled { get; set; } = [];

    /// <summary>Most conditions the Fake API accepts by injection; beyond it, injections are refused so memory stays bounded.</summary>
    [Range(1, 1_000_000)]
    public int MaxInjected { get; set; } = 10_000;
}
