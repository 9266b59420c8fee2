using CowHealth.Contracts;
using CowHealth.Processor.Detection;
using Microsoft.Extensions.Options;

namespace CowHealth.Tests.Detection;

/// <summary>Makes detectors and runs readings through them.</summary>
public static class Detectors
{
    public static HerdDetector New(Action<DetectionOptions>? configure = null)
    {
        var options = new DetectionOptions();
        configure?.Invoke(options);
        return new HerdDetector(Options.Create(options));
    }

    /// <summary>Every change the readings cause, in order.</summary>
    public static List<ConditionChange> Run(this HerdDetector detector, IEnumerable<SensorReading> readings) =>
        readings.SelectMany(detector.Observe).ToList();

    public static List<ConditionChange> Of(this IEnumerable<ConditionChange> changes, HealthCondition condition) =>
        changes.Where(c => c.Condition == condition).ToList();

    /// <summary>One line per change, for assertion messages.</summary>
    public static string Describe(this IEnumerable<ConditionChange> changes) =>
        string.Join(Environment.NewLine, changes.Select(c => $"{c.At:MM-dd HH:mm} {c.CowId} {c.Condition} {c.Kind} {c.Severity}: {c.Evidence.Summary}"));
}
