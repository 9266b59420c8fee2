using System.ComponentModel.DataAnnotations;
using CowHealth.Contracts;

namespace CowHealth.Processor.Alerts;

/// <summary>How alerts age. Section <c>Alerts</c>. All times are event time.</summary>
public sealed class AlertPolicyOptions
{
    public const string Section = "Alerts";

    /// <summary>An unacknowledged Critical alert escalates after this. Default 1 h.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan EscalateCriticalAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>An unacknowledged Warning escalates (to Critical) after this. Default 6 h.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan EscalateWarningAfter { get; set; } = TimeSpan.FromHours(6);

    /// <summary>An unacknowledged Info alert escalates (to Warning) after this. Default 24 h.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan EscalateInfoAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>A condition that returns within this after its alert was resolved re-opens that alert. Default 12 h.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan CoolDown { get; set; } = TimeSpan.FromHours(12);

    public TimeSpan EscalateAfter(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Critical => EscalateCriticalAfter,
        AlertSeverity.Warning => EscalateWarningAfter,
        _ => EscalateInfoAfter,
    };
}
