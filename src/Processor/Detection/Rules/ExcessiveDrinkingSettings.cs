using System.ComponentModel.DataAnnotations;

namespace CowHealth.Processor.Detection.Rules;

/// <summary>Section <c>Detection:ExcessiveDrinking</c> (polydipsia). See docs/processor.md#detection for the physiology.</summary>
public sealed class ExcessiveDrinkingSettings : ConditionRuleSettings, IValidatableObject
{
    public ExcessiveDrinkingSettings()
    {
        SustainedFor = TimeSpan.FromHours(4);
        ClearAfter = TimeSpan.FromHours(12);
    }

    /// <summary>
    /// Averaged litres (or drinking cycles, for a bolus that does not estimate litres) as a multiple
    /// of what she usually drinks in the same hours, at or above which she counts as drinking too
    /// much. Default 1.6: above what a hot day alone adds.
    /// </summary>
    [Range(1.1, 10.0)]
    public double IntakeRatio { get; set; } = 1.6;

    /// <summary>
    /// Below this multiple the excess counts as over. Default 1.3: a day's drinking of a healthy cow
    /// varies by 10–20 % around her usual, so a lower bar would keep a recovered cow's alert open for days.
    /// </summary>
    [Range(0.5, 10.0)]
    public double ClearIntakeRatio { get; set; } = 1.3;

    /// <summary>
    /// Time constant of the exponentially weighted means of intake compared: "more than the day
    /// before". A day smooths out a busy afternoon at the trough. Default 24 h.
    /// </summary>
    [Range(typeof(TimeSpan), "01:00:00", "7.00:00:00")]
    public TimeSpan AveragedOver { get; set; } = TimeSpan.FromHours(24);

    /// <summary>History a cow needs before her intake is judged, as for low water intake. Default 3 days.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan WarmUp { get; set; } = TimeSpan.FromDays(3);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ClearIntakeRatio >= IntakeRatio)
        {
            yield return new ValidationResult("ClearIntakeRatio must be below IntakeRatio.", [nameof(ClearIntakeRatio)]);
        }
    }
}
