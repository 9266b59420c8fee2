using CowHealth.Contracts;

namespace CowHealth.Processor.Detection.Rules;

/// <summary>
/// Fever: the rumen temperature stays above the cow's own temperature for the hour of day by
/// <see cref="FeverSettings.MarginCelsius"/> for <see cref="ConditionRuleSettings.SustainedFor"/>.
/// Infections (mastitis, metritis, pneumonia) show it up to four days before clinical signs, often
/// as short peaks, so the window is short and a peak of an hour counts.
/// </summary>
internal sealed class FeverRule(FeverSettings settings) : DetectionRule(HealthCondition.Fever, settings)
{
    private const string Measure = nameof(SensorReading.RumenTemperatureCelsius);
    private readonly double _margin = settings.MarginCelsius;
    private readonly double _highMargin = settings.HighMarginCelsius;
    private readonly double _clearMargin = settings.ClearMarginCelsius;

    public override Verdict Judge(ref ConditionTrack track, in CowSignals signals)
    {
        if (!signals.Warm || !signals.TemperatureUsable)
        {
            return Verdict.Unknown;
        }

        var excess = signals.Temperature - signals.TemperatureBaseline;
        return Verdict.Of(excess > _margin, excess < _clearMargin, signals.Temperature, signals.TemperatureBaseline);
    }

    public override AlertSeverity SeverityOf(double meanObserved, double meanBaseline) =>
        meanObserved - meanBaseline >= _highMargin ? AlertSeverity.Critical : AlertSeverity.Warning;

    public override AlertEvidence DetectedEvidence(in Episode episode) => Evidence(Measure, episode, episode.Baseline + _margin,
        $"Rumen temperature {episode.Observed:0.00} °C on average for {EvidenceText.Duration(episode.Duration)}, " +
        $"{episode.Observed - episode.Baseline:0.00} °C above her normal of {episode.Baseline:0.00} °C for these hours.");

    public override AlertEvidence ClearedEvidence(in Episode episode) => Evidence(Measure, episode, episode.Baseline + _clearMargin,
        $"Rumen temperature within {_clearMargin:0.0#} °C of her normal for {EvidenceText.Duration(episode.Duration)}; " +
        $"now {episode.Observed:0.00} °C.");
}
