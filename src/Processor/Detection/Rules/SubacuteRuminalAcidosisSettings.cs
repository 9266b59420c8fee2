using System.ComponentModel.DataAnnotations;

namespace CowHealth.Processor.Detection.Rules;

/// <summary>Section <c>Detection:SubacuteRuminalAcidosis</c>. See docs/processor.md#detection for the physiology.</summary>
public sealed class SubacuteRuminalAcidosisSettings : ConditionRuleSettings, IValidatableObject
{
    public SubacuteRuminalAcidosisSettings()
    {
        SustainedFor = TimeSpan.FromHours(2);
        ClearAfter = TimeSpan.FromHours(12);
    }

    /// <summary>Rumen pH below which a reading counts. Default 5.8.</summary>
    [Range(4.0, 7.0)]
    public double PhBelow { get; set; } = 5.8;

    /// <summary>Readings at or above this pH count towards clearing. Default 5.9.</summary>
    [Range(4.0, 8.0)]
    public double ClearPhAtOrAbove { get; set; } = 5.9;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ClearPhAtOrAbove < PhBelow)
        {
            yield return new ValidationResult("ClearPhAtOrAbove must not be below PhBelow.", [nameof(ClearPhAtOrAbove)]);
        }
    }
}
