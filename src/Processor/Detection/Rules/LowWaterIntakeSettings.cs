using System.ComponentModel.DataAnnotations;

namespace CowHealth.Processor.Detection.Rules;

/// <summary>Section <c>Detection:LowWaterIntake</c>. See docs/processor.md#detection for the physiology.</summary>
public sealed class LowWaterIntakeSettings : ConditionRuleSettings, IValidatableObject
{
    public LowWaterIntakeSettings()
    {
        SustainedFor = TimeSpan.FromHours(2);
        ClearAfter = TimeSpan.FromHours(12);
    }

    /// <summary>
    /// Averaged litres (or drinking cycles, for a bolus that does not estimate litres) as a share of
    /// what she usually drinks in the same hours, at or below which she counts as drinking too little. Default 0.6.
    /// </summary>
    [Range(0.05, 0.95)]
    public double IntakeRatio { get; set; } = 0.6;

    /// <summary>Above this share the low intake counts as over. Default 0.8.</summary>
    [Range(0.05, 1.5)]
    public double ClearIntakeRatio { get; set; } = 0.8;

    /// <summary>Time constant of the exponentially weighted means of intake compared. Default 12 h.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "7.00:00:00")]
    public TimeSpan AveragedOver { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// History a cow needs before her intake is judged: with a handful of drinks a day, one day
    /// does not tell her usual hours. Default 3 days.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan WarmUp { get; set; } = TimeSpan.FromDays(3);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ClearIntakeRatio <= IntakeRatio)
        {
            yield return new ValidationResult("ClearIntakeRatio must be above IntakeRatio.", [nameof(ClearIntakeRatio)]);
        }
    }
}
