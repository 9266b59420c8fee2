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

    internal BaselineSettings CopySettings() => (BaselineSettings)MemberwiseClone();
}
