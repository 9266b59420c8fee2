using CowHealth.Contracts;

namespace CowHealth.Processor.Detection.Rules;

/// <summary>
/// Temperature drop: the rumen temperature stays below the cow's own temperature for the hour of
/// day by <see cref="TemperatureDropSettings.MarginCelsius"/> for <see cref="ConditionRuleSettings.SustainedFor"/>;
/// critical from <see cref="TemperatureDropSettings.SevereMarginCelsius"/>. Milk fever
/// (hypocalcaemia around calving) and shock chill a cow to 36–38 °C over hours; a drink does it
/// within minutes and recovers, so drinks are masked before this rule.
/// </summary>
internal sealed class TemperatureDropRule(TemperatureDropSettings settings) : TemperatureExcursionRule(
    HealthCondition.TemperatureDrop, settings, direction: -1, settings.MarginCelsius, settings.ClearMarginCelsius, settings.SevereMarginCelsius);
