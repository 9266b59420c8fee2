using System.ComponentModel.DataAnnotations;

namespace CowHealth.Processor.Detection.Rules;

/// <summary>Section <c>Detection:Fever</c>. See docs/processor.md#detection for the physiology.</summary>
public sealed class FeverSettings : ConditionRuleSettings, IValidatableObject
{
    public FeverSettings()
    {
        SustainedFor = TimeSpan.FromHours(1);
        ClearAfter = TimeSpan.FromHours(6);
    }

    /// <summary>How far above her own temperature for the hour of day a reading must be to count. Default 0.8 °C.</summary>
    [Range(0.1, 5.0)]
    public double MarginCelsius { get; set; } = 0.8;

    /// <summary>Mean excess over the window from which the fever is <c>Critical</c> rather than <c>Warning</c>. Default 1.5 °C.</summary>
    [Range(0.1, 10.0)]
    public double HighMarginCelsius { get; set; } = 1.5;

    /// <summary>Readings below this excess count towards clearing. Default 0.4 °C.</summary>
    [Range(0.0, 5.0)]
    public double ClearMarginCelsius { get; set; } = 0.4;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ClearMarginCelsius >= MarginCelsius)
        {
            yield return new ValidationResult("ClearMarginCelsius must be below MarginCelsius, or a fever would clear while it is still detected.",
                [nameof(ClearMarginCelsius)]);
        }

        if (HighMarginCelsius < MarginCelsius)
        {
            yield return new ValidationResult("HighMarginCelsius must not be below MarginCelsius.", [nameof(HighMarginCelsius)]);
        }
    }
}
