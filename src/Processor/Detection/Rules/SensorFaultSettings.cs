using System.ComponentModel.DataAnnotations;

namespace CowHealth.Processor.Detection.Rules;

/// <summary>
/// Section <c>Detection:SensorFault</c>: values a working bolus in a living cow does not report,
/// though they are physically possible (impossible ones are rejected before detection).
/// </summary>
public sealed class SensorFaultSettings : ConditionRuleSettings, IValidatableObject
{
    public SensorFaultSettings()
    {
        SustainedFor = TimeSpan.FromHours(1);
        ClearAfter = TimeSpan.FromHours(1);
    }

    /// <summary>Rumen temperatures below this are implausible for longer than a drink. Default 30 °C.</summary>
    [Range(0.0, 45.0)]
    public double MinTemperatureCelsius { get; set; } = 30.0;

    /// <summary>Rumen temperatures above this are implausible in a living cow. Default 43 °C.</summary>
    [Range(35.0, 60.0)]
    public double MaxTemperatureCelsius { get; set; } = 43.0;

    /// <summary>Rumen pH below this is implausible. Default 4.0.</summary>
    [Range(0.0, 14.0)]
    public double MinPh { get; set; } = 4.0;

    /// <summary>Rumen pH above this is implausible. Default 8.5.</summary>
    [Range(0.0, 14.0)]
    public double MaxPh { get; set; } = 8.5;

    /// <summary>
    /// A temperature repeated to the last digit for this long means a stuck sensor: a living rumen
    /// never holds 0.01 °C that still. Default 3 h; must be at least <see cref="ConditionRuleSettings.SustainedFor"/>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:10:00", "7.00:00:00")]
    public TimeSpan StuckFor { get; set; } = TimeSpan.FromHours(3);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MinTemperatureCelsius >= MaxTemperatureCelsius)
        {
            yield return new ValidationResult("MinTemperatureCelsius must be below MaxTemperatureCelsius.", [nameof(MinTemperatureCelsius)]);
        }

        if (MinPh >= MaxPh)
        {
            yield return new ValidationResult("MinPh must be below MaxPh.", [nameof(MinPh)]);
        }

        if (StuckFor < SustainedFor)
        {
            yield return new ValidationResult("StuckFor must be at least SustainedFor.", [nameof(StuckFor)]);
        }
    }
}
