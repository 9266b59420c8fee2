using CowHealth.Contracts;
using CowHealth.Simulator.Conditions;

namespace CowHealth.Benchmarks.AlertQuality;

/// <summary>
/// Where an episode's severity lies in its condition's documented range (docs/simulator.md), in
/// fifths: band 0 is the mildest fifth, whose sensitivity target is lower. Conditions without a
/// severity (sensor trouble) have one band.
/// </summary>
internal static class SeverityBand
{
    public const int Bands = 5;

    /// <summary>The documented range of a condition's severity, mildest end first, with its unit; null when it has none.</summary>
    public static (double Mildest, double Strongest, string Unit)? RangeOf(HealthCondition condition) => condition switch
    {
        HealthCondition.Fever => (0.5, 1.5, "°C rise"),
        HealthCondition.Heat => (1.8, 4.0, "× activity"),
        HealthCondition.Calving => (0.2, 0.6, "°C drop"),
        HealthCondition.SubacuteRuminalAcidosis => (0.4, 1.0, "pH drop"),
        // Mildest when she keeps most of her drinking.
        HealthCondition.LowWaterIntake => (0.6, 0.25, "of drinking kept"),
        HealthCondition.ExcessiveDrinking => (1.8, 3.0, "× drinking"),
        _ => null,
    };

    /// <summary>The band of an episode's severity (0 mildest … 4 strongest), or -1 when its condition has none.</summary>
    public static int Of(HealthCondition condition, double severity)
    {
        if (RangeOf(condition) is not { } range || double.IsNaN(severity))
        {
            return -1;
        }

        var position = (severity - range.Mildest) / (range.Strongest - range.Mildest);
        return Math.Clamp((int)Math.Floor(position * Bands), 0, Bands - 1);
    }

    public static string Describe(HealthCondition condition, int band)
    {
        if (band < 0 || RangeOf(condition) is not { } range)
        {
            return "—";
        }

        var step = (range.Strongest - range.Mildest) / Bands;
        var from = range.Mildest + (band * step);
        var to = from + step;
        var name = band == 0 ? "mildest fifth: " : "";
        return $"{name}{Math.Min(from, to):0.###}–{Math.Max(from, to):0.###} {range.Unit}";
    }

    /// <summary>The severity an episode had: what ground truth recorded (today every episode has its condition's configured value).</summary>
    public static double SeverityOf(ConditionEpisode episode, ConditionOptions options) => episode.Condition switch
    {
        HealthCondition.Fever => options.FeverRiseCelsius,
        HealthCondition.Heat => options.HeatActivityFactor,
        HealthCondition.Calving => options.CalvingDropCelsius,
        HealthCondition.SubacuteRuminalAcidosis => options.AcidosisPhDrop,
        HealthCondition.LowWaterIntake => options.LowWaterIntakeShare,
        _ => double.NaN,
    };
}
