using System.ComponentModel.DataAnnotations;

namespace CowHealth.Processor.Detection.Baselines;

/// <summary>Section <c>Detection:Baseline</c>: how each cow's own normal is learned.</summary>
public sealed class BaselineSettings
{
    /// <summary>
    /// How much history a cow needs (and every hour of the day seen) before rules that compare
    /// with her own normal speak. Default 1 day.
    /// </summary>
    [Range(typeof(TimeSpan), "01:00:00", "30.00:00:00")]
    public TimeSpan WarmUp { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// Time constant of the exponentially weighted baselines: a lasting change in the cow is
    /// about two-thirds learned after this many days. Default 7.
    /// </summary>
    [Range(1.0, 60.0)]
    public double LearningDays { get; set; } = 7.0;

    /// <summary>
    /// The herd's usual reticulo-rumen temperature between drinks, °C: what a cow is judged against
    /// while her own normal is still being learned. Default 39.0 (healthy cows run 38.6–39.6).
    /// </summary>
    [Range(35.0, 42.0)]
    public double HerdTemperatureCelsius { get; set; } = 39.0;

    /// <summary>
    /// How far a healthy cow's temperature may lie from the herd's at any hour (her own level and the
    /// daily rhythm together). While she warms up, readings beyond it are not learned as her normal,
    /// and a fever is judged above it. Default 0.6 °C.
    /// </summary>
    [Range(0.1, 3.0)]
    public double HerdRangeCelsius { get; set; } = 0.6;

    internal BaselineSettings CopySettings() => (BaselineSettings)MemberwiseClone();
}
