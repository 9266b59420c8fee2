namespace CowHealth.Processor.Detection.Baselines;

/// <summary><see cref="DrinkingSettings"/> in the units the hot path uses.</summary>
internal readonly record struct DrinkingThresholds(double DropCelsius, double RecoveredWithinCelsius, int MaxRecoverySeconds)
{
    public static DrinkingThresholds From(DrinkingSettings settings) =>
        new(settings.DropCelsius, settings.RecoveredWithinCelsius, (int)settings.MaxRecovery.TotalSeconds);
}
