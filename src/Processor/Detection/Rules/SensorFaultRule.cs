using CowHealth.Contracts;

namespace CowHealth.Processor.Detection.Rules;

/// <summary>
/// Sensor fault: the bolus reports values a living rumen does not have for longer than a drink
/// explains (temperature outside <see cref="SensorFaultSettings.MinTemperatureCelsius"/>–<see cref="SensorFaultSettings.MaxTemperatureCelsius"/>,
/// pH outside <see cref="SensorFaultSettings.MinPh"/>–<see cref="SensorFaultSettings.MaxPh"/>), or a
/// temperature repeated to 0.01 °C for <see cref="SensorFaultSettings.StuckFor"/>. A cold reading a
/// drink explains does not count (a bolus that left the cow stays cold past the drink's mask). Implausible
/// temperatures are also kept away from the illness rules, so a failing bolus raises this and nothing else.
/// </summary>
internal sealed class SensorFaultRule(SensorFaultSettings settings) : DetectionRule(HealthCondition.SensorFault, settings)
{
    public const byte TemperatureOutOfRange = 1;
    public const byte PhOutOfRange = 2;
    public const byte TemperatureStuck = 3;

    private readonly SensorFaultSettings _settings = settings;

    // A stuck value is abnormal from StuckFor - SustainedFor on, so the run confirms it at StuckFor.
    private readonly int _stuckAbnormalAfterSeconds = Math.Max(1, (int)(settings.StuckFor - settings.SustainedFor).TotalSeconds);

    public override Verdict Judge(ref ConditionTrack track, in CowSignals signals)
    {
        var tooCold = signals.Temperature < _settings.MinTemperatureCelsius;
        // A large cold drink can briefly cool the rumen below the plausible range; that is no fault.
        var drinkExplains = tooCold && signals.DrinkMasked;
        if (signals.TemperatureImplausible && !drinkExplains)
        {
            var limit = tooCold ? _settings.MinTemperatureCelsius : _settings.MaxTemperatureCelsius;
            return new Verdict(VerdictKind.Abnormal, signals.Temperature, limit, TemperatureOutOfRange);
        }

        if (signals.HasPh && signals.PhImplausible)
        {
            var limit = signals.Ph < _settings.MinPh ? _settings.MinPh : _settings.MaxPh;
            return new Verdict(VerdictKind.Abnormal, signals.Ph, limit, PhOutOfRange);
        }

        if (signals.StuckSeconds >= _stuckAbnormalAfterSeconds)
        {
            return new Verdict(VerdictKind.Abnormal, signals.Temperature, signals.Temperature, TemperatureStuck);
        }

        return drinkExplains ? Verdict.Unknown : new Verdict(VerdictKind.Clear, signals.Temperature, signals.Temperature);
    }

    public override AlertSeverity SeverityOf(double meanObserved, double meanBaseline) => AlertSeverity.Info;

    public override AlertEvidence DetectedEvidence(in Episode episode)
    {
        var duration = EvidenceText.Duration(episode.Duration);
        return episode.Detail switch
        {
            PhOutOfRange => Evidence(nameof(SensorReading.RumenPh), episode, episode.Baseline,
                $"Rumen pH {episode.Observed:0.00} on average for {duration}, outside {_settings.MinPh:0.0#}–{_settings.MaxPh:0.0#}: " +
                "the pH sensor is likely faulty or uncalibrated."),
            TemperatureStuck => Evidence(nameof(SensorReading.RumenTemperatureCelsius), episode, episode.Baseline,
                $"Rumen temperature stuck at {episode.Observed:0.00} °C for {EvidenceText.Duration(TimeSpan.FromSeconds(_stuckAbnormalAfterSeconds) + episode.Duration)}: " +
                "the bolus is likely faulty."),
            _ => Evidence(nameof(SensorReading.RumenTemperatureCelsius), episode, episode.Baseline,
                $"Rumen temperature {episode.Observed:0.0} °C on average for {duration}, outside " +
                $"{_settings.MinTemperatureCelsius:0}–{_settings.MaxTemperatureCelsius:0} °C: the bolus is likely faulty or no longer in the cow."),
        };
    }

    public override AlertEvidence ClearedEvidence(in Episode episode) => Evidence(nameof(SensorReading.RumenTemperatureCelsius), episode,
        episode.Baseline, $"Plausible, changing values for {EvidenceText.Duration(episode.Duration)}.");
}
