namespace CowHealth.Simulator.Herd;

/// <summary>Drinking as one reading sees it.</summary>
/// <param name="Litres">Water drunk within the interval.</param>
/// <param name="TemperatureDipCelsius">How far recent drinking still pulls the temperature down at the reading.</param>
public readonly record struct DrinkingAtReading(double Litres, double TemperatureDipCelsius);
