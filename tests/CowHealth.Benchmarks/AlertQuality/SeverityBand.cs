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
    public static (double Mildest, double Strongest, string Unit)? RangeOf(HealthCondition condition) =>
        ConditionSeverity.RangeOf(condition) is { } range ? (range.Mildest, range.Strongest, range.Unit) : null;

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

    /// <summary>The severity ground truth recorded for the episode; NaN for a condition without one.</summary>
    public static double SeverityOf(ConditionEpisode episode) => episode.Severity ?? double.NaN;
}
