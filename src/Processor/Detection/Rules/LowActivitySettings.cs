using System.ComponentModel.DataAnnotations;

namespace CowHealth.Processor.Detection.Rules;

/// <summary>Section <c>Detection:LowActivity</c>. See docs/processor.md#detection for the physiology.</summary>
public sealed class LowActivitySettings : ConditionRuleSettings, IValidatableObject
{
    public LowActivitySettings()
    {
        SustainedFor = TimeSpan.FromHours(2);
        ClearAfter = TimeSpan.FromHours(12);
    }

    /// <summary>Averaged activity as a share of her own activity for the same hours, at or below which she counts as inactive. Default 0.6.</summary>
    [Range(0.05, 0.95)]
    public double ActivityRatio { get; set; } = 0.6;

    /// <summary>Above this share the drop counts as over. Default 0.8.</summary>
    [Range(0.05, 1.5)]
    public double ClearActivityRatio { get; set; } = 0.8;

    /// <summary>Time constant of the exponentially weighted means of activity compared. Default 6 h.</summary>
    [Range(typeof(TimeSpan), "00:10:00", "3.00:00:00")]
    public TimeSpan AveragedOver { get; set; } = TimeSpan.FromHours(6);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ClearActivityRatio <= ActivityRatio)
        {
            yield return new ValidationResult("ClearActivityRatio must be above ActivityRatio.", [nameof(ClearActivityRatio)]);
        }
    }
}
