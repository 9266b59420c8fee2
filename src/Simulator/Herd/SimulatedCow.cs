namespace CowHealth.Simulator.Herd;

/// <summary>One cow of the simulated herd, with her own normal values.</summary>
/// <param name="Index">Position in the herd; with the seed, it fixes every number this cow produces.</param>
/// <param name="BaselineTemperatureCelsius">Her own rumen temperature at rest, around 39 °C.</param>
/// <param name="BaselineActivityIndex">Her own mean activity.</param>
/// <param name="RuminationMinutesPerDay">Her own daily rumination, typically 400–600 minutes.</param>
public sealed record SimulatedCow(
    int Index,
    string CowId,
    string FarmId,
    string SensorId,
    double BaselineTemperatureCelsius,
    double BaselineActivityIndex,
    double RuminationMinutesPerDay,
    bool HasPhBolus);
