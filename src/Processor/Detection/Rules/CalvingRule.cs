using CowHealth.Contracts;
using CowHealth.Processor.Detection.Baselines;

namespace CowHealth.Processor.Detection.Rules;

/// <summary>
/// Calving ahead: in the last day before calving the cow's temperature settles 0.3–0.5 °C below her
/// normal as progesterone falls. The rule averages her deviation from her hourly normal over
/// <see cref="CalvingSettings.AveragedOver"/> (drinks excluded) and calls calving when that mean
/// stays <see cref="CalvingSettings.DropCelsius"/> below normal. Readings colder than the
/// <see cref="TemperatureDropRule"/>'s margin are left out: they are that rule's case. While she
/// drinks clearly more than usual the rule does not judge: many more cold drinks keep her rumen a
/// few tenths below her normal between them, the same mark a calving leaves.
/// </summary>
internal sealed class CalvingRule(CalvingSettings settings, TemperatureDropSettings temperatureDrop, DrinkingSettings drinking)
    : DetectionRule(HealthCondition.Calving, settings)
{
    private const string Measure = nameof(SensorReading.RumenTemperatureCelsius);
    private const double RecoveryTimeConstantSeconds = 5_400;
    private readonly double _drop = settings.DropCelsius;
    private readonly double _clearDrop = settings.ClearDropCelsius;
    private readonly double _timeConstantSeconds = settings.AveragedOver.TotalSeconds;
    private readonly double _temperatureDropMargin = temperatureDrop.MarginCelsius;
    private readonly double _maxStepSeconds = drinking.MaxRecovery.TotalSeconds;

    public override Verdict Judge(ref ConditionTrack track, in CowSignals signals)
    {
        if (!signals.Warm || !signals.TemperatureUsable || signals.DrinkingMoreThanUsual || double.IsNaN(signals.TemperatureBaseline))
        {
            return Verdict.Unknown;
        }

        var deviation = signals.Temperature - signals.TemperatureBaseline;
        if (deviation < -_temperatureDropMargin)
        {
            // Colder than a calving makes her: a temperature drop in its own right (milk fever, shock), not calving.
            return Verdict.Unknown;
        }

        // Stepped by the time since the last usable temperature (drinks hide a third of the readings,
        // and the average must still span its window), but at most a drink's mask: after a longer
        // silence one reading must not stand for the gap.
        // Once the alert is out, an hour and a half's average: after the calf her temperature is back within hours, and the
        // alert must follow it rather than the half-day average that found the slow fall.
        var timeConstant = track.Active ? Math.Min(_timeConstantSeconds, RecoveryTimeConstantSeconds) : _timeConstantSeconds;
        track.Average += (float)(ExponentialWeights.After(ExponentialWeights.Step(signals.SecondsSinceUsableTemperature, _maxStepSeconds), timeConstant) * (deviation - track.Average));
        var averaged = (double)track.Average;
        return Verdict.Of(averaged <= -_drop, averaged > -_clearDrop, signals.TemperatureBaseline + averaged, signals.TemperatureBaseline);
    }

    public override AlertSeverity SeverityOf(double meanObserved, double meanBaseline) => AlertSeverity.Warning;

    // A fall of this kind predicts calving within 24 h (Burfeind et al. 2011); the calf comes about half a day after the alert.
    private static readonly TimeSpan CalfExpectedAfter = TimeSpan.FromHours(12);
    private static readonly TimeSpan CalfWithin = TimeSpan.FromHours(24);

    public override AlertEvidence DetectedEvidence(in Episode episode)
    {
        var window = new ActionWindow("Calving", episode.End, episode.End + CalfWithin, episode.End + CalfExpectedAfter);
        return Evidence(Measure, episode, episode.Baseline - _drop,
            $"Temperature averaged {episode.Baseline - episode.Observed:0.00} °C below her normal over the last hours: " +
            "calving is likely within a day, most likely in about 12 hours (the alert's action window).", window);
    }

    public override AlertEvidence ClearedEvidence(in Episode episode) => Evidence(Measure, episode, episode.Baseline - _clearDrop,
        $"Averaged temperature back within {_clearDrop:0.0#} °C of her normal for {EvidenceText.Duration(episode.Duration)}.");
}
