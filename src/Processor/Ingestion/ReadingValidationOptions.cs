using System.ComponentModel.DataAnnotations;

namespace CowHealth.Processor.Ingestion;

/// <summary>What the Processor accepts as a reading at all. Section <c>Ingestion</c>.</summary>
public sealed class ReadingValidationOptions
{
    public const string Section = "Ingestion";

    /// <summary>
    /// How far in the future a reading's measured-at may lie (bolus clocks drift a little). Beyond
    /// that the reading is rejected: it would move event time, and every rule with it, forward. Default 1 h.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromHours(1);
}
