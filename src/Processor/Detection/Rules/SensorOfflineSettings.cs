using System.ComponentModel.DataAnnotations;

namespace CowHealth.Processor.Detection.Rules;

/// <summary>Section <c>Detection:SensorOffline</c>.</summary>
public sealed class SensorOfflineSettings
{
    /// <summary>
    /// How long a bolus may stay silent, in its farm's event time, before it counts as offline.
    /// It is back as soon as it sends again. Default 2 h (twelve missed ten-minute readings).
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan SilentFor { get; set; } = TimeSpan.FromHours(2);

    internal SensorOfflineSettings CopySettings() => (SensorOfflineSettings)MemberwiseClone();
}
