using CowHealth.Contracts;

namespace CowHealth.Processor.Detection.Rules;

/// <summary>
/// Low water intake: what she drank, averaged over <see cref="LowWaterIntakeSettings.AveragedOver"/>,
/// falls to <see cref="LowWaterIntakeSettings.IntakeRatio"/> of her norm. Litres when the bolus
/// estimates them, otherwise drinking cycles (each drink cools the rumen visibly). A lactating cow
/// drinks 80–150 litres a day; drinking less precedes or accompanies most illness, and it also
/// points at an empty or fouled trough.
/// </summary>
internal sealed class LowWaterIntakeRule(LowWaterIntakeSettings settings)
    : DetectionRule(HealthCondition.LowWaterIntake, settings)
{
    public const byte ByLitres = 1;
    public const byte ByDrinkingCycles = 2;

    private readonly double _ratio = settings.IntakeRatio;
    private readonly double _clearRatio = settings.ClearIntakeRatio;
    private readonly double _timeConstantSeconds = settings.AveragedOver.TotalSeconds;

    public override Verdict Judge(ref ConditionTrack track, in CowSignals signals)
    {
        // Average: litres drunk per reading; AverageExpected: drinking cycles per reading.
        var weight = ExponentialWeights.WarmStart(signals, _timeConstantSeconds);
        if (signals.HasLitres)
        {
            track.Average += (float)(weight * (signals.Litres - track.Average));
        }

        track.AverageExpected += (float)(weight * ((signals.Drank ? 1.0 : 0.0) - track.AverageExpected));
        if (!signals.Warm)
        {
            return Verdict.Unknown;
        }

        var (intake, norm, detail) = signals.HasLitres
            ? (track.Average, signals.LitresNorm, ByLitres)
            : (track.AverageExpected, signals.DrinksNorm, ByDrinkingCycles);
        if (!(norm > 1e-6))
        {
            return Verdict.Unknown;
        }

        return Verdict.Of(intake <= _ratio * norm, intake > _clearRatio * norm, intake, norm, detail);
    }

    public override AlertSeverity SeverityOf(double meanObserved, double meanBaseline) => AlertSeverity.Warning;

    public override AlertEvidence DetectedEvidence(in Episode episode) => Evidence(MeasureOf(episode), episode, episode.Baseline * _ratio,
        $"{What(episode)} at {EvidenceText.Percent(episode.Observed / episode.Baseline)} of her norm over the last day, " +
        $"for {EvidenceText.Duration(episode.Duration)}: check her trough and her health (e.g. heat stress).");

    public override AlertEvidence ClearedEvidence(in Episode episode) => Evidence(MeasureOf(episode), episode, episode.Baseline * _clearRatio,
        $"{What(episode)} above {EvidenceText.Percent(_clearRatio)} of her norm for {EvidenceText.Duration(episode.Duration)}.");

    private static string MeasureOf(in Episode episode) =>
        episode.Detail == ByDrinkingCycles ? "DrinkingCycles" : nameof(SensorReading.WaterIntakeLitres);

    private static string What(in Episode episode) => episode.Detail == ByDrinkingCycles ? "Drinking cycles" : "Water intake";
}
