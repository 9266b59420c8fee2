using CowHealth.Contracts;

namespace CowHealth.Processor.Detection.Rules;

/// <summary>
/// Excessive drinking (polydipsia): what she drank, averaged over
/// <see cref="ExcessiveDrinkingSettings.AveragedOver"/> (a day: "more than the day before"),
/// reaches <see cref="ExcessiveDrinkingSettings.IntakeRatio"/> times what she usually drinks in the
/// same hours. Litres when the bolus estimates them, otherwise drinking cycles, as for
/// <see cref="LowWaterIntakeRule"/>.
/// <para>
/// Why: a cow drinks more with heat stress (evaporative water loss; about a fifth to a half more on
/// hot days), at the onset of a fever, with diarrhoea, with a ration too salty or a rumen too
/// acid (SARA, ketosis), and with kidney trouble; an overflowing or leaking trough can look the
/// same to the sensor. Heat alone rarely adds more than half her usual, and a whole herd at once,
/// so the threshold sits above it (1.6×) and the day-long window keeps a busy afternoon at the
/// trough from counting.
/// </para>
/// <para>
/// Severity: Warning, as for the other changes in what a cow does (low water intake, rumination
/// drop, low activity): above what the weather explains, it is her body or her water that has
/// changed, and someone should look today. Not Critical: drinking more is not itself dangerous,
/// and an illness behind it that is (a high fever) raises its own, more urgent alert. Not Info,
/// which is kept for good news (heat) and equipment. The day-long average reaches the threshold
/// gradually, so the run's mean at detection says little about how far above it she will go,
/// and severity does not follow it.
/// </para>
/// </summary>
internal sealed class ExcessiveDrinkingRule(ExcessiveDrinkingSettings settings)
    : AveragedRatioRule(HealthCondition.ExcessiveDrinking, settings, settings.AveragedOver, settings.IntakeRatio, settings.ClearIntakeRatio,
        rises: true, settings.WarmUp, clearsOnItsOwnWindow: true)
{
    protected override (double Observed, double Baseline) Measure(in CowSignals signals) => (signals.WaterIntake, signals.WaterIntakeBaseline);

    protected override byte DetailOf(in CowSignals signals) => signals.HasLitres ? LowWaterIntakeRule.ByLitres : LowWaterIntakeRule.ByDrinkingCycles;

    public override AlertEvidence DetectedEvidence(in Episode episode) =>
        Evidence(MeasureOf(episode), episode, episode.Baseline * Ratio,
            $"{What(episode)} {episode.Observed / episode.Baseline:0.0} times her usual for these hours, for " +
            $"{EvidenceText.Duration(episode.Duration)}: check her for fever, diarrhoea or heat stress, the ration's salt, " +
            "and that the trough is not overflowing or leaking.");

    public override AlertEvidence ClearedEvidence(in Episode episode) =>
        Evidence(MeasureOf(episode), episode, episode.Baseline * ClearRatio,
            $"{What(episode)} back below {ClearRatio:0.0#} times her usual for {EvidenceText.Duration(episode.Duration)}.");

    private static string MeasureOf(in Episode episode) =>
        episode.Detail == LowWaterIntakeRule.ByDrinkingCycles ? "DrinkingCycles" : nameof(SensorReading.WaterIntakeLitres);

    private static string What(in Episode episode) => episode.Detail == LowWaterIntakeRule.ByDrinkingCycles ? "Drinking cycles" : "Water intake";
}
