using CowHealth.Contracts;

namespace CowHealth.Processor.Detection.Rules;

/// <summary>
/// Fever: the rumen temperature stays above the cow's own temperature for the hour of day, judged
/// in units of her own spread for that hour, and the excess accumulates into evidence
/// (<see cref="FeverStatistic"/>). A cow whose temperature barely moves is judged against her own
/// small spread, so a mild but sustained rise is caught early; a restless one needs more; and no
/// cow fevers on less than <see cref="FeverSettings.MarginCelsius"/>. Infections (mastitis,
/// metritis, pneumonia) show it up to four days before clinical signs, often as short peaks, so the
/// evidence builds within hours. Critical from <see cref="FeverSettings.HighMarginCelsius"/>.
/// </summary>
internal sealed class FeverRule(FeverSettings settings) : DetectionRule(HealthCondition.Fever, settings)
{
    private const string Temperature = nameof(SensorReading.RumenTemperatureCelsius);

    // While heat is building or present her temperature runs a few tenths higher (Kiddy 1977: activity; the rise of oestrus is 0.3 °C or so).
    private const double HeatAllowanceCelsius = 0.3;

    // Before her own spread is known, a cow's excess over the herd's range is counted in tenths of a degree.
    private const double ColdSpreadCelsius = 0.1;

    private const double MaxSpreadsPerReading = 2;

    // Evidence is capped at twice what makes a fever, so it drains within hours once she is back.
    private const double CapFactor = 2;

    private readonly double _margin = settings.MarginCelsius;
    private readonly double _marginSpreads = settings.MarginSpreads;
    private readonly double _clearMargin = settings.ClearMarginCelsius;
    private readonly double _highMargin = settings.HighMarginCelsius;
    private readonly bool _cusum = settings.Statistic == FeverStatistic.Cusum;
    private readonly double _evidence = settings.EvidenceSpreadHours;
    private readonly double _ewmaSeconds = settings.EwmaHours * 3_600;

    public override Verdict Judge(ref ConditionTrack track, in CowSignals signals)
    {
        if (!signals.TemperatureUsable)
        {
            return Verdict.Unknown;
        }

        // Until her own normal is warm she is judged against the warmest a healthy cow of the herd runs,
        // so a fever in her first day is caught rather than learned.
        var cold = !signals.Warm || double.IsNaN(signals.TemperatureBaseline);
        var baseline = cold ? signals.HerdUpperTemperature : signals.TemperatureBaseline;
        var excess = signals.Temperature - baseline;
        var spread = cold ? ColdSpreadCelsius : signals.TemperatureSpread;
        var reference = (cold ? _margin : Math.Max(_margin, _marginSpreads * spread)) + (signals.InHeat ? HeatAllowanceCelsius : 0);
        // In spreads beyond the reference: positive is evidence of fever, negative evidence against it. Capped, so
        // that evidence takes at least an hour to reach a fever however high a peak, and one odd reading weighs little.
        var beyond = Math.Min((excess - reference) / spread, MaxSpreadsPerReading);
        var hours = ExponentialWeights.Step(signals.SecondsSinceUsableTemperature, 1_800) / 3_600;
        bool abnormal;
        if (_cusum)
        {
            track.Average = (float)Math.Clamp(track.Average + (beyond * hours), 0, CapFactor * _evidence);
            abnormal = track.Average >= _evidence;
        }
        else
        {
            var weight = double.IsFinite(hours) ? ExponentialWeights.After(hours * 3_600, _ewmaSeconds) : 1;
            track.Average += (float)(weight * (beyond - track.Average));
            abnormal = track.Average >= 0;
        }

        // Against the herd's range a fever clears only once she is clearly inside it: her own level is not known yet.
        var clear = cold ? excess < -_clearMargin : excess < _clearMargin;
        return Verdict.Of(abnormal && excess > reference / 2, clear, signals.Temperature, baseline);
    }

    /// <summary>Evidence of fever is building (or a fever is present): her temperature is not to be learned as her normal.</summary>
    public static bool Building(in ConditionTrack track) => track.Active || track.Average > 0;

    public override AlertSeverity SeverityOf(double meanObserved, double meanBaseline) =>
        meanObserved - meanBaseline >= _highMargin ? AlertSeverity.Critical : AlertSeverity.Warning;

    public override AlertEvidence DetectedEvidence(in Episode episode) => Evidence(Temperature, episode, episode.Baseline + _margin,
        $"Rumen temperature {episode.Observed:0.00} °C, {episode.Observed - episode.Baseline:0.00} °C above her normal of " +
        $"{episode.Baseline:0.00} °C for this hour (drinks excluded), for long enough and far enough beyond her usual variation to be a fever.");

    public override AlertEvidence ClearedEvidence(in Episode episode) => Evidence(Temperature, episode, episode.Baseline + _clearMargin,
        $"Rumen temperature within {_clearMargin:0.0#} °C of her normal for {EvidenceText.Duration(episode.Duration)}; " +
        $"now {episode.Observed:0.00} °C.");
}
