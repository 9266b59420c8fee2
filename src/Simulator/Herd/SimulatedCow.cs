namespace CowHealth.Simulator.Herd;

/// <summary>One cow of the simulated herd, with her own normal values.</summary>
/// <param name="Index">Position in the herd; with the seed, it fixes every number this cow produces.</param>
/// <param name="BaselineTemperatureCelsius">Her own reticulo-rumen temperature at rest, around 39 °C.</param>
/// <param name="BaselineActivityIndex">Her own activity at rest, around 1.0.</param>
/// <param name="RuminationMinutesPerDay">Her own daily rumination, typically 400–600 minutes.</param>
/// <param name="HasPhBolus">Whether her bolus measures rumen pH as well.</param>
/// <param name="BaselineRumenPh">Her own rumen pH away from meals, around 6.45.</param>
/// <param name="DrinkingCyclesPerDay">How often she goes to the trough, 7–10 times a day.</param>
/// <param name="LitresPerDrink">What she drinks in one drinking cycle on average.</param>
/// <param name="Calvings">When she calves, and so when she comes into heat.</param>
public sealed record SimulatedCow(
    int Index,
    string CowId,
    string FarmId,
    string SensorId,
    double BaselineTemperatureCelsius,
    double BaselineActivityIndex,
    double RuminationMinutesPerDay,
    bool HasPhBolus,
    double BaselineRumenPh,
    double DrinkingCyclesPerDay,
    double LitresPerDrink,
    CalvingCycle Calvings);
