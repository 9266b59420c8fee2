namespace CowHealth.Simulator.Conditions;

/// <summary>
/// What the conditions a cow has at one moment do to her reading. Several can apply at once
/// (a fever during heat): shifts add up, factors multiply.
/// </summary>
public struct ConditionEffects
{
    public ConditionEffects()
    {
    }

    public double TemperatureShiftCelsius { get; set; }

    public double ActivityFactor { get; set; } = 1;

    public double RuminationFactor { get; set; } = 1;

    /// <summary>Scales the chance of a drinking cycle, and so the water drunk.</summary>
    public double DrinkingFactor { get; set; } = 1;

    public double RumenPhShift { get; set; }

    /// <summary>The bolus sends nothing.</summary>
    public bool SensorOffline { get; set; }

    /// <summary>The bolus sends values no living cow has.</summary>
    public bool SensorFault { get; set; }
}
