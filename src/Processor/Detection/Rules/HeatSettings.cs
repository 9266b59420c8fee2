using System.ComponentModel.DataAnnotations;

namespace CowHealth.Processor.Detection.Rules;

/// <summary>Section <c>Detection:Heat</c> (oestrus). See docs/processor.md#detection for the physiology.</summary>
public sealed class HeatSettings : ConditionRuleSettings, IValidatableObject
{
    public HeatSettings()
    {
        SustainedFor = TimeSpan.FromHours(1);
        ClearAfter = TimeSpan.FromHours(4);
    }

    /// <summary>Averaged activity as a multiple of her own activity for the same hours. Default 1.5: weak heats reach 1.8×.</summary>
    [Range(1.1, 20.0)]
    public double ActivityRatio { get; set; } = 1.5;

    /// <summary>Below this multiple the heat counts as over. Default 1.25.</summary>
    [Range(0.5, 20.0)]
    public double ClearActivityRatio { get; set; } = 1.25;

    /// <summary>Time constant of the exponentially weighted means of activity compared. Default 30 min.</summary>
    [Range(typeof(TimeSpan), "00:10:00", "1.00:00:00")]
    public TimeSpan AveragedOver { get; set; } = TimeSpan.FromMinutes(30);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ClearActivityRatio >= ActivityRatio)
        {
            yield return new ValidationResult("ClearActivityRatio must be below ActivityRatio.", [nameof(ClearActivityRatio)]);
        }
    }
}
