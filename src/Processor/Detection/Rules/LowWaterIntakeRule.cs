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
    : AveragedRatioRule(HealthCondition.LowWaterIntake, settings, settings.AveragedOver, settings.IntakeRatio, settings.ClearIntakeRatio,
        rises: false, settings.WarmUp, clearsOnItsOwnWindow: true)
{
    public const byte ByLitres = 1;
    public const byte ByDrinkingCycles = 2;

    protected override (double Observed, double Baseline) Measure(in CowSignals signals) => (signals.WaterIntake, signals.WaterIntakeBaseline);

    protected override byte DetailOf(in CowSignals signals) => signals.HasLitres ? ByLitres : ByDrinkingCycles;

    public override AlertEvidence DetectedEvidence(in Episode episode) =>
        ShortfallEvidence(MeasureOf(episode), What(episode), episode, ": check her trough and her health (e.g. heat stress)");

    public override AlertEvidence ClearedEvidence(in Episode episode) => RecoveryEvidence(MeasureOf(episode), What(episode), episode);

    private static string MeasureOf(in Episode episode) =>
        episode.Detail == ByDrinkingCycles ? "DrinkingCycles" : nameof(SensorReading.WaterIntakeLitres);

    private static string What(in Episode episode) => episode.Detail == ByDrinkingCycles ? "Drinking cycles" : "Water intake";
}
