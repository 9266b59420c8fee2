using System.ComponentModel.DataAnnotations;

namespace CowHealth.Processor.Detection.Rules;

/// <summary>Section <c>Detection:Fever</c>. See docs/processor.md#detection for the physiology.</summary>
public sealed class FeverSettings : ConditionRuleSettings, IValidatableObject
{
    public FeverSettings()
    {
        SustainedFor = TimeSpan.FromMinutes(30);
        ClearAfter = TimeSpan.FromHours(6);
    }

    /// <summary>
    /// The reference: a reading's excess over her own temperature for the hour counts as evidence
    /// beyond the larger of this and <see cref="MarginSpreads"/> of her spread. Default 0.3 °C, above
    /// the few tenths a heat or acidosis adds.
    /// </summary>
    [Range(0.05, 5.0)]
    public double MarginCelsius { get; set; } = 0.3;

    /// <summary>The reference in units of her own spread for the hour (its mean absolute deviation × 1.25, about one standard deviation). Default 3.</summary>
    [Range(0.5, 20.0)]
    public double MarginSpreads { get; set; } = 3;

    /// <summary>How the excess becomes evidence. Default <see cref="FeverStatistic.Ewma"/> (it beat CUSUM on the alert-quality scorecard).</summary>
    public FeverStatistic Statistic { get; set; } = FeverStatistic.Ewma;

    /// <summary>CUSUM: spread-hours beyond the reference that make a fever (e.g. 2: two hours at two spreads over it, or one at four). Default 2.</summary>
    [Range(0.1, 100.0)]
    public double EvidenceSpreadHours { get; set; } = 2;

    /// <summary>EWMA: the time constant of the mean excess, in hours. Default 0.5.</summary>
    [Range(0.1, 48.0)]
    public double EwmaHours { get; set; } = 0.5;

    /// <summary>Mean excess over the run from which the fever is <c>Critical</c> rather than <c>Warning</c>. Default 1.5 °C.</summary>
    [Range(0.1, 10.0)]
    public double HighMarginCelsius { get; set; } = 1.5;

    /// <summary>Readings whose excess over her normal is below this count towards clearing. Default 0.2 °C.</summary>
    [Range(0.0, 5.0)]
    public double ClearMarginCelsius { get; set; } = 0.2;

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
