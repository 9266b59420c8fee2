namespace CowHealth.Gateway.Cows;

/// <summary>
/// The cow's own normal as detection last saved it: for each hour of the day (UTC), what her
/// bolus usually reports then. Rules compare her readings with these once she is <paramref name="Warm"/>.
/// </summary>
/// <param name="LearnedUntil">Measured-at of the newest reading folded in when the Processor saved them (it saves every few hours of event time).</param>
/// <param name="Warm">She has enough history, with every hour of the day seen, for rules to compare with her normal.</param>
/// <param name="Hours">24 entries, hour 0 to 23 UTC.</param>
/// <param name="RumenPh">Her usual rumen pH; null without a pH bolus.</param>
public sealed record BaselinesView(DateTimeOffset LearnedUntil, bool Warm, IReadOnlyList<HourBaselineView> Hours, double? RumenPh);

/// <summary>
/// Her normal for one hour of the day, per reading interval. A value is null for an hour not seen
/// yet. Water intake is in litres when her bolus estimates them, otherwise in drinking cycles
/// (the share of readings with a drink), exactly as detection learns it.
/// </summary>
public sealed record HourBaselineView(
    int HourUtc,
    double? RumenTemperatureCelsius,
    double? ActivityIndex,
    double? RuminationMinutes,
    double? WaterIntakeLitres,
    double? DrinkingCycles);
