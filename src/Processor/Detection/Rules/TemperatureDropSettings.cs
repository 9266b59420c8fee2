using System.ComponentModel.DataAnnotations;

namespace CowHealth.Processor.Detection.Rules;

/// <summary>Section <c>Detection:TemperatureDrop</c>. See docs/processor.md#detection for the physiology.</summary>
public sealed class TemperatureDropSettings : ConditionRuleSettings, IValidatableObject
{
    public TemperatureDropSettings()
    {
        SustainedFor = TimeSpan.FromHours(2);
        ClearAfter = TimeSpan.FromHours(2);
    }

    /// <summary>How far below her own temperature for the hour of day a reading must be to count. Default 1.0 °C.</summary>
    [Range(0.1, 10.0)]
    public double MarginCelsius { get; set; } = 1.0;

    /// <summary>Mean shortfall over the window from which the drop is <c>Critical</c> rather than <c>Warning</c>. Default 2.0 °C.</summary>
    [Range(0.1, 20.0)]
    public double SevereMarginCelsius { get; set; } = 2.0;

    /// <summary>Readings less than this far below her normal count towards clearing. Default 0.5 °C.</summary>
    [Range(0.0, 10.0)]
    public double ClearMarginCelsius { get; set; } = 0.5;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ClearMarginCelsius >= MarginCelsius)
        {
            yield return new ValidationResult("ClearMarginCelsius must be below MarginCelsius, or a drop would clear while it is still detected.",
                [nameof(ClearMarginCelsius)]);
        }

        if (SevereMarginCelsius < MarginCelsius)
        {
            yield return new ValidationResult("SevereMarginCelsius must not be below MarginCelsius.", [nameof(SevereMarginCelsius)]);
        }
    }
}
