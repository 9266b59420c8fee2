using System.ComponentModel.DataAnnotations;

namespace CowHealth.Simulator.Herd;

/// <summary>The simulated herd. Section <c>Herd</c>.</summary>
public sealed class HerdOptions
{
    public const string Section = "Herd";

    /// <summary>Number of farms; cows are spread evenly over them.</summary>
    [Range(1, 1_000)]
    public int Farms { get; set; } = 1;

    /// <summary>Cows on each farm.</summary>
    [Range(1, 1_000_000)]
    public int CowsPerFarm { get; set; } = 50;

    /// <summary>Same seed and settings give the same herd and the same readings.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Simulated minutes between two readings of one bolus; commercial boluses send every 10.</summary>
    [Range(1, 60)]
    public int SensorIntervalMinutes { get; set; } = 10;

    /// <summary>Share of cows that carry a pH bolus (the others report no pH).</summary>
    [Range(0.0, 1.0)]
    public double PhBolusShare { get; set; } = 0.2;
}
