namespace CowHealth.Processor.Detection;

/// <summary>
/// One reading of one cow, with what the cow's state makes of it: her normal for this hour, whether
/// a drink hides the temperature, how long the value has been stuck. Rules judge these, and only these.
/// </summary>
internal readonly struct CowSignals
{
    public required long Ticks { get; init; }

    /// <summary>Event time in seconds since the cow's first reading: the clock of her runs.</summary>
    public required int Now { get; init; }

    /// <summary>Seconds since her previous reading; infinite for her first, so every average starts at the first value.</summary>
    public required double SecondsSincePrevious { get; init; }

    /// <summary>Her baselines have seen enough (and every hour of the day) to compare with.</summary>
    public required bool Warm { get; init; }

    public required double Temperature { get; init; }

    /// <summary>Plausible, and not inside a drink's dip and recovery.</summary>
    public required bool TemperatureUsable { get; init; }

    /// <summary>Seconds since the previous temperature the rules could use: the step of an average of usable temperatures.</summary>
    public required double SecondsSinceUsableTemperature { get; init; }

    /// <summary>A drink's dip or recovery hides the temperature.</summary>
    public required bool DrinkMasked { get; init; }

    /// <summary>
    /// She drinks clearly more than her usual (excessive drinking present, or her averaged intake
    /// beyond its clearing ratio, as of her previous reading): so many cold drinks keep her rumen
    /// cooler than her normal, which a slow fall (calving) cannot be told from.
    /// </summary>
    public required bool DrinkingMoreThanUsual { get; init; }

    public required bool TemperatureImplausible { get; init; }

    /// <summary>Her own temperature for this hour of day.</summary>
    public required double TemperatureBaseline { get; init; }

    /// <summary>
    /// How far her usable temperature usually strays from her normal at this hour, in °C (her mean
    /// absolute deviation × 1.25, about one standard deviation; never below a floor): the unit in
    /// which the fever rule measures an excess.
    /// </summary>
    public required double TemperatureSpread { get; init; }

    /// <summary>The warmest a healthy cow of her herd runs at any hour: what she is judged against until her own normal is warm.</summary>
    public required double HerdUpperTemperature { get; init; }

    /// <summary>Heat is building or present (as of her previous reading): her temperature runs a few tenths higher.</summary>
    public required bool InHeat { get; init; }

    /// <summary>How long the temperature has repeated exactly, in seconds (0 when it just changed).</summary>
    public required int StuckSeconds { get; init; }

    public required double Activity { get; init; }

    /// <summary>Her own activity for this hour of day.</summary>
    public required double ActivityBaseline { get; init; }

    public required double Rumination { get; init; }

    /// <summary>Her own rumination for this hour of day.</summary>
    public required double RuminationBaseline { get; init; }

    /// <summary>The bolus estimates litres (otherwise intake is counted in drinking cycles).</summary>
    public required bool HasLitres { get; init; }

    /// <summary>Litres drunk in the interval, or for a bolus without litres the drinking cycles in it (0 or 1).</summary>
    public required double WaterIntake { get; init; }

    /// <summary>Her own intake for this hour of day, in the same measure.</summary>
    public required double WaterIntakeBaseline { get; init; }

    public required bool HasPh { get; init; }

    public required double Ph { get; init; }

    public required bool PhImplausible { get; init; }

    /// <summary>Her usual pH (for the evidence; pH rules use absolute thresholds).</summary>
    public required double PhNorm { get; init; }
}
