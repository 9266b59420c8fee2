namespace CowHealth.Simulator.Herd;

/// <summary>
/// The random stream each quantity draws from. Every quantity has its own channel, so changing
/// one part of the model never shifts the numbers of another, and a new quantity takes a new number.
/// </summary>
internal static class NoiseChannel
{
    // A cow's traits, drawn once (step -1).
    public const int TraitTemperature = 1;
    public const int TraitActivity = 2;
    public const int TraitRumination = 3;
    public const int TraitPhBolus = 4;
    public const int TraitRumenPh = 5;
    public const int TraitDrinkingCycles = 6;
    public const int TraitLitresPerDrink = 7;
    public const int TraitCalvingInterval = 8;
    public const int TraitCalvingPhase = 9;

    // Per reading (step = sensor interval).
    public const int Temperature = 20;
    public const int Activity = 21;
    public const int Rumination = 22;
    public const int RumenPh = 23;
    public const int FaultValue = 27;

    // Per drinking cycle (step = the cycle's number in the cow's life).
    public const int DrinkTiming = 30;
    public const int DrinkLitres = 31;
    public const int DrinkSkipped = 32;
    public const int ExtraDrinkKept = 33;
    public const int ExtraDrinkTiming = 34;

    // Spontaneous conditions (step = day, or calving cycle for calving and heat).
    public const int ConditionStarts = 40;
    public const int ConditionOnset = 41;
    public const int ConditionDuration = 42;
    public const int ConditionVariant = 43;
    public const int CalvingPrelude = 44;
    public const int FirstHeatAfterCalving = 45;
    public const int HeatJitter = 46;
    public const int HeatDuration = 47;
    public const int ConditionSeverity = 48;

    // Injected conditions (step = the onset's minute).
    public const int InjectedSeverity = 60;
}
