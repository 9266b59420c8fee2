using CowHealth.Contracts;

namespace CowHealth.Processor.Detection.Rules;

/// <summary>
/// Low water intake: what she drank, averaged over <see cref="LowWaterIntakeSettings.AveragedOver"/>,
/// falls to <see cref="LowWaterIntakeSettings.IntakeRatio"/> of what she usually drinks in the same
/// hours. Litres when the bolus estimates them, otherwise drinking cycles (each drink cools the
/// rumen visibly). A lactating cow drinks 80–150 litres a day in 7–12 bouts, most of them after
/// milking; drinking less precedes or accompanies most illness, and it also points at an empty or
/// fouled trough. Her normal is kept by hour, so the window can be half a day without the
/// milking rhythm showing as a shortfall; drinks are sparse, so the rule waits for
/// <see cref="LowWaterIntakeSettings.WarmUp"/> of history before it trusts those hours.
/// </summary>
internal sealed class LowWaterIntakeRule(LowWaterIntakeSettings settings)
    : AveragedRatioRule(HealthCondition.LowWaterIntake, settings, settings.AveragedOver, settings.WarmUp)
{
    public const byte ByLitres = 1;
    public const byte ByDrinkingCycles = 2;

    private readonly double _ratio = settings.IntakeRatio;
    private readonly double _clearRatio = settings.ClearIntakeRatio;

    public override Verdict Judge(ref ConditionTrack track, in CowSignals signals)
    {
        if (!TryAverage(ref track, signals, signals.WaterIntake, signals.WaterIntakeBaseline, out var intake, out var normal))
        {
            return Verdict.Unknown;
        }

        return Verdict.Of(intake <= _ratio * normal, intake > _clearRatio * normal, intake, normal,
            signals.HasLitres ? ByLitres : ByDrinkingCycles);
    }

    public override AlertSeverity SeverityOf(double meanObserved, double meanBaseline) => AlertSeverity.Warning;

    public override AlertEvidence DetectedEvidence(in Episode episode) => Evidence(MeasureOf(episode), episode, episode.Baseline * _ratio,
        $"{What(episode)} at {EvidenceText.Percent(episode.Observed / episode.Baseline)} of her usual for these hours, " +
        $"for {EvidenceText.Duration(episode.Duration)}: check her trough and her health (e.g. heat stress).");

    public override AlertEvidence ClearedEvidence(in Episode episode) => Evidence(MeasureOf(episode), episode, episode.Baseline * _clearRatio,
        $"{What(episode)} above {EvidenceText.Percent(_clearRatio)} of her usual for {EvidenceText.Duration(episode.Duration)}.");

    private static string MeasureOf(in Episode episode) =>
        episode.Detail == ByDrinkingCycles ? "DrinkingCycles" : nameof(SensorReading.WaterIntakeLitres);

    private static string What(in Episode episode) => episode.Detail == ByDrinkingCycles ? "Drinking cycles" : "Water intake";
}
