using CowHealth.Contracts;

namespace CowHealth.Processor.Detection.Rules;

/// <summary>
/// A rule on how far the rumen temperature strays from the cow's own temperature for the hour of
/// day, above it (<paramref name="direction"/> +1) or below it (−1): a reading counts beyond
/// <paramref name="margin"/>, towards clearing within <paramref name="clearMargin"/>, and a case
/// whose mean excursion reaches <paramref name="criticalMargin"/> is critical. Drinks are masked
/// before, so a reading hidden by one says nothing.
/// </summary>
internal abstract class TemperatureExcursionRule(
    HealthCondition condition, ConditionRuleSettings settings, int direction, double margin, double clearMargin, double criticalMargin)
    : DetectionRule(condition, settings)
{
    private const string Temperature = nameof(SensorReading.RumenTemperatureCelsius);

    public sealed override Verdict Judge(ref ConditionTrack track, in CowSignals signals)
    {
        if (!signals.Warm || !signals.TemperatureUsable)
        {
            return Verdict.Unknown;
        }

        var excursion = direction * (signals.Temperature - signals.TemperatureBaseline);
        return Verdict.Of(excursion > margin, excursion < clearMargin, signals.Temperature, signals.TemperatureBaseline);
    }

    public sealed override AlertSeverity SeverityOf(double meanObserved, double meanBaseline) =>
        direction * (meanObserved - meanBaseline) >= criticalMargin ? AlertSeverity.Critical : AlertSeverity.Warning;

    public sealed override AlertEvidence DetectedEvidence(in Episode episode) => Evidence(Temperature, episode, episode.Baseline + (direction * margin),
        $"Rumen temperature {episode.Observed:0.00} °C on average for {EvidenceText.Duration(episode.Duration)}, " +
        $"{Math.Abs(episode.Observed - episode.Baseline):0.00} °C {(direction > 0 ? "above" : "below")} her normal of " +
        $"{episode.Baseline:0.00} °C for these hours (drinks excluded).");

    public sealed override AlertEvidence ClearedEvidence(in Episode episode) => Evidence(Temperature, episode, episode.Baseline + (direction * clearMargin),
        $"Rumen temperature within {clearMargin:0.0#} °C of her normal for {EvidenceText.Duration(episode.Duration)}; " +
        $"now {episode.Observed:0.00} °C.");
}
