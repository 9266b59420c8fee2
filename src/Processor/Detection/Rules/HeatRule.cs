using CowHealth.Contracts;

namespace CowHealth.Processor.Detection.Rules;

/// <summary>
/// Heat (oestrus): activity averaged over <see cref="HeatSettings.AveragedOver"/> reaches
/// <see cref="HeatSettings.ActivityRatio"/> times her own activity for the same hours. Cows in
/// oestrus walk and mount two to four times as much as usual for about 8–18 hours; their temperature
/// rises only a few tenths, too little and too inconsistently to require, so it is not demanded.
/// </summary>
internal sealed class HeatRule(HeatSettings settings)
    : AveragedRatioRule(HealthCondition.Heat, settings, settings.AveragedOver, settings.ActivityRatio, settings.ClearActivityRatio, rises: true)
{
    protected override (double Observed, double Baseline) Measure(in CowSignals signals) => (signals.Activity, signals.ActivityBaseline);

    public override AlertSeverity SeverityOf(double meanObserved, double meanBaseline) => AlertSeverity.Info;

    // Insemination from 13 to 24 h after her activity passed the threshold: pregnancy per AI was highest
    // then among 3,420 Holsteins inseminated on an activity monitor's alert (docs/processor.md, Heat);
    // most cows ovulate 24–33 h after the onset of oestrus (De Rensis et al. 2024).
    private static readonly TimeSpan InseminateFrom = TimeSpan.FromHours(13);
    private static readonly TimeSpan InseminateTo = TimeSpan.FromHours(24);

    public override AlertEvidence DetectedEvidence(in Episode episode)
    {
        var window = new ActionWindow("Inseminate", episode.Start + InseminateFrom, episode.Start + InseminateTo);
        return Evidence(nameof(SensorReading.ActivityIndex), episode, episode.Baseline * Ratio,
            $"Activity {episode.Observed / episode.Baseline:0.0} times her usual for these hours, for {EvidenceText.Duration(episode.Duration)}: " +
            "she is likely in heat; inseminate 13–24 h after her activity rose (the alert's action window).",
            window);
    }

    public override AlertEvidence ClearedEvidence(in Episode episode) => Evidence(nameof(SensorReading.ActivityIndex), episode, episode.Baseline * ClearRatio,
        $"Activity back below {ClearRatio:0.0#} times her usual for {EvidenceText.Duration(episode.Duration)}.");
}
