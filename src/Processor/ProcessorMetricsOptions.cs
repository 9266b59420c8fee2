using System.ComponentModel.DataAnnotations;

namespace CowHealth.Processor;

/// <summary>How the Processor keeps its gauges. Section <c>Metrics</c>.</summary>
public sealed class ProcessorMetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>How often the open alerts and their sagas are counted in the database. Default 15 s, a usual scrape interval.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan AlertCensusInterval { get; set; } = TimeSpan.FromSeconds(15);
}
