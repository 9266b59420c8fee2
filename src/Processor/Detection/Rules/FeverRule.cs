using CowHealth.Contracts;

namespace CowHealth.Processor.Detection.Rules;

/// <summary>
/// Fever: the rumen temperature stays above the cow's own temperature for the hour of day by
/// <see cref="FeverSettings.MarginCelsius"/> for <see cref="ConditionRuleSettings.SustainedFor"/>;
/// critical from <see cref="FeverSettings.HighMarginCelsius"/>. Infections (mastitis, metritis,
/// pneumonia) show it up to four days before clinical signs, often as short peaks, so the window
/// is short and a peak of an hour counts.
/// </summary>
internal sealed class FeverRule(FeverSettings settings) : TemperatureExcursionRule(
    HealthCondition.Fever, settings, direction: +1, settings.MarginCelsius, settings.ClearMarginCelsius, settings.HighMarginCelsius);
