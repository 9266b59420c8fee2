using System.ComponentModel.DataAnnotations;

namespace CowHealth.Processor.Detection.Baselines;

/// <summary>
/// Section <c>Detection:Drinking</c>: how a drink is told apart from illness. Cold water cools the
/// reticulum by several degrees within minutes; it warms back within one to two hours.
/// </summary>
public sealed class DrinkingSettings
{
    /// <summary>A fall of at least this much from one reading to the next is a drink, not a cow getting colder. Default 1.0 °C.</summary>
    [Range(0.2, 20.0)]
    public double DropCelsius { get; set; } = 1.0;

    /// <summary>The drink is over once the temperature is back within this much of where it was before. Default 0.3 °C.</summary>
    [Range(0.0, 5.0)]
    public double RecoveredWithinCelsius { get; set; } = 0.3;

    /// <summary>The longest a drink may hide the temperature, recovered or not. Default 2 h.</summary>
    [Range(typeof(TimeSpan), "00:10:00", "06:00:00")]
    public TimeSpan MaxRecovery { get; set; } = TimeSpan.FromHours(2);

    internal DrinkingSettings CopySettings() => (DrinkingSettings)MemberwiseClone();
}
