namespace CowHealth.Tests.Detection;

/// <summary>
/// What a condition does to a cow's readings, laid over her healthy rhythm by <see cref="CowTimeline"/>.
/// The default changes nothing.
/// </summary>
public sealed record Signature
{
    public static Signature None { get; } = new();

    /// <summary>Added to the rumen temperature (fever positive, chill negative), reached linearly over <see cref="OnsetOver"/>.</summary>
    public double TemperatureOffsetCelsius { get; init; }

    /// <summary>How long the temperature offset takes to build up: illness comes on over time, unlike a drink.</summary>
    public TimeSpan OnsetOver { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Reported instead of any temperature (a faulty or lost bolus): no rhythm, no noise, no drinking dips.</summary>
    public double? FixedTemperatureCelsius { get; init; }

    public double ActivityFactor { get; init; } = 1;

    public double RuminationFactor { get; init; } = 1;

    /// <summary>Scales how often she drinks.</summary>
    public double DrinkingFactor { get; init; } = 1;

    /// <summary>How far a drink cools the rumen at first.</summary>
    public double DrinkDipCelsius { get; init; } = 5;

    /// <summary>Reported instead of her rumen pH (for a cow with a pH bolus).</summary>
    public double? Ph { get; init; }
}
