using System.ComponentModel.DataAnnotations;

namespace CowHealth.Gateway.Herd;

/// <summary>Section <c>Gateway:Herd</c>: how the herd summary judges a silent bolus.</summary>
public sealed class HerdSummaryOptions
{
    public const string Section = "Gateway:Herd";

    /// <summary>
    /// A cow's sensor counts as offline when her latest reading is older than this, measured
    /// against the Gateway's clock. Default 2 hours, the same as the Processor's
    /// <c>Detection:SensorOffline:SilentFor</c>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan SensorOfflineAfter { get; set; } = TimeSpan.FromHours(2);
}
