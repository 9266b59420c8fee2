using CowHealth.Contracts;

namespace CowHealth.Processor.Detection.Rules;

/// <summary>
/// Sensor offline: no reading from the bolus for longer than <see cref="SensorOfflineSettings.SilentFor"/>
/// while event time moves on around it (other boluses keep reporting). The base station may
/// be out of reach (pasture), the bolus battery flat, or the cow gone; it is back with its next reading.
/// </summary>
internal sealed class SensorOfflineRule(SensorOfflineSettings settings)
{
    private const string Measure = "MinutesSinceLastReading";

    public long SilentForTicks { get; } = settings.SilentFor.Ticks;

    public static AlertSeverity Severity => AlertSeverity.Info;

    /// <summary>The bolus, last heard at <paramref name="lastReading"/>, is silent at <paramref name="farmTime"/>.</summary>
    public bool IsSilent(long lastReading, long farmTime) => farmTime - lastReading > SilentForTicks;

    public AlertEvidence DetectedEvidence(DateTimeOffset lastReading, DateTimeOffset farmTime) => new(
        Measure, Math.Round((farmTime - lastReading).TotalMinutes, 1), 0, TimeSpan.FromTicks(SilentForTicks).TotalMinutes,
        lastReading, farmTime,
        $"No reading for {EvidenceText.Duration(farmTime - lastReading)} while other boluses keep reporting " +
        $"(last at {lastReading:yyyy-MM-dd HH:mm} UTC): check the cow, the bolus and the base station's reach.");

    public AlertEvidence ClearedEvidence(DateTimeOffset previousReading, DateTimeOffset reading) => new(
        Measure, Math.Round((reading - previousReading).TotalMinutes, 1), 0, TimeSpan.FromTicks(SilentForTicks).TotalMinutes,
        previousReading, reading, $"Readings again after {EvidenceText.Duration(reading - previousReading)} of silence.");
}
