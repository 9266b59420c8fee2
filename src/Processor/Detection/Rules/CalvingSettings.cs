using System.ComponentModel.DataAnnotations;

namespace CowHealth.Processor.Detection.Rules;

/// <summary>Section <c>Detection:Calving</c>. See docs/processor.md#detection for the physiology.</summary>
public sealed class CalvingSettings : ConditionRuleSettings, IValidatableObject
{
    public CalvingSettings()
    {
        SustainedFor = TimeSpan.FromHours(1);
        ClearAfter = TimeSpan.FromHours(6);
    }

    /// <summary>How far her averaged temperature must fall below her normal. Default 0.15 °C (falls run 0.2–0.5 °C).</summary>
    [Range(0.05, 5.0)]
    public double DropCelsius { get; set; } = 0.15;

    /// <summary>The averaged shortfall below which the calving signal counts as over. Default 0.12 °C.</summary>
    [Range(0.0, 5.0)]
    public double ClearDropCelsius { get; set; } = 0.12;

    /// <summary>Time constant of the exponentially weighted mean of her deviation from normal. Default 12 h: half a day of drinks averages out.</summary>
    [Range(typeof(TimeSpan), "00:10:00", "3.00:00:00")]
    public TimeSpan AveragedOver { get; set; } = TimeSpan.FromHours(12);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ClearDropCelsius >= DropCelsius)
        {
            yield return new ValidationResult("ClearDropCelsius must be below DropCelsius.", [nameof(ClearDropCelsius)]);
        }
    }
}
