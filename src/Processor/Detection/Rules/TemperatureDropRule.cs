using CowHealth.Contracts;

namespace CowHealth.Processor.Detection.Rules;

/// <summary>
/// Temperature drop: the rumen temperature stays below the cow's own temperature for the hour of
/// day by <see cref="TemperatureDropSettings.MarginCelsius"/> for <see cref="ConditionRuleSettings.SustainedFor"/>,
/// drinks excepted. Milk fever (hypocalcaemia around calving) and shock chill a cow to 36–38 °C
/// over hours; a drink does it within minutes and recovers, so drinks are masked before this rule.
/// </summary>
internal sealed class TemperatureDropRule(TemperatureDropSettings settings) : DetectionRule(HealthCondition.TemperatureDrop, settings)
{
    private const string Measure = nameof(SensorReading.RumenTemperatureCelsius);
    private readonly double _margin = settings.MarginCelsius;
    private readonly double _severeMargin = settings.SevereMarginCelsius;
    private readonly double _clearMargin = settings.ClearMarginCelsius;

    public override Verdict Judge(ref ConditionTrack track, in CowSignals signals)
    {
        if (!signals.Warm || !signals.TemperatureUsable)
        {
            return Verdict.Unknown;
        }

        var shortfall = signals.TemperatureBaseline - signals.Temperature;
        return Verdict.Of(shortfall > _margin, shortfall < _clearMargin, signals.Temperature, signals.TemperatureBaseline);
    }

    public override AlertSeverity SeverityOf(double meanObserved, double meanBaseline) =>
        meanBaseline - meanObserved >= _severeMargin ? AlertSeverity.Critical : AlertSeverity.Warning;

    public override AlertEvidence DetectedEvidence(in Episode episode) => Evidence(Measure, episode, episode.Baseline - _margin,
        $"Rumen temperature {episode.Observed:0.00} °C on average for {EvidenceText.Duration(episode.Duration)}, " +
        $"{episode.Baseline - episode.Observed:0.00} °C below her normal of {episode.Baseline:0.00} °C for these hours (drinks excluded).");

    public override AlertEvidence ClearedEvidence(in Episode episode) => Evidence(Measure, episode, episode.Baseline - _clearMargin,
        $"Rumen temperature within {_clearMargin:0.0#} °C of her normal for {EvidenceText.Duration(episode.Duration)}; " +
        $"now {episode.Observed:0.00} °C.");
}
