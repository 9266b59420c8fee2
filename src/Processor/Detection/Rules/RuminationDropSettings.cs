using System.ComponentModel.DataAnnotations;

namespace CowHealth.Processor.Detection.Rules;

/// <summary>Section <c>Detection:RuminationDrop</c>. See docs/processor.md#detection for the physiology.</summary>
public sealed class RuminationDropSettings : ConditionRuleSettings, IValidatableObject
{
    public RuminationDropSettings()
    {
        SustainedFor = TimeSpan.FromHours(2);
        ClearAfter = TimeSpan.FromHours(12);
    }

    /// <summary>Averaged rumination as a share of her own rumination for the same hours, at or below which it counts as a drop. Default 0.7.</summary>
    [Range(0.05, 0.95)]
    public double RuminationRatio { get; set; } = 0.7;

    /// <summary>Above this share the drop counts as over. Default 0.85.</summary>
    [Range(0.05, 1.5)]
    public double ClearRuminationRatio { get; set; } = 0.85;

    /// <summary>Time constant of the exponentially weighted means of rumination compared. Default 12 h.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "3.00:00:00")]
    public TimeSpan AveragedOver { get; set; } = TimeSpan.FromHours(12);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ClearRuminationRatio <= RuminationRatio)
        {
            yield return new ValidationResult("ClearRuminationRatio must be above RuminationRatio.", [nameof(ClearRuminationRatio)]);
        }
    }
}
