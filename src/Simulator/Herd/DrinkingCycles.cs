namespace CowHealth.Simulator.Herd;

/// <summary>
/// A cow's drinking cycles and what they do to the bolus. She goes to the trough about
/// <see cref="SimulatedCow.DrinkingCyclesPerDay"/> times a day, most often after milking and at
/// feeding. Cold water pulls the reticulo-rumen temperature down by several degrees, and it
/// recovers over about an hour: Bewley et al. (2008) measured drops of 2–8.5 °C after 19–25 kg of
/// water depending on its temperature; Cantor et al. (2018) saw 2.3 ± 1.8 °C after natural
/// drinking events and up to 103 min to get back to baseline.
/// </summary>
/// <remarks>
/// Cycles are numbered through the cow's life and spaced evenly on a "drinking clock" that runs
/// fast when cows drink most (<see cref="DailyRhythm.DrinkingDoneBy"/>), each shifted by up to
/// 0.4 of a spacing. That keeps the count per day close to her own number, as real drinking
/// is, while finding the cycles near a reading stays a lookup rather than a walk through history.
/// </remarks>
public sealed class DrinkingCycles(int seed, TimeSpan interval)
{
    /// <summary>Degrees the reading falls per litre of trough water (about 15 °C) just after drinking.</summary>
    public const double DipPerLitreCelsius = 0.3;

    /// <summary>Time constant of the recovery: after an hour about 5% of the dip is left.</summary>
    public static readonly TimeSpan Recovery = TimeSpan.FromMinutes(20);

    /// <summary>No amount of water takes the bolus further than this below body temperature.</summary>
    public const double MaxDipCelsius = 9.0;

    private const double Jitter = 0.8;

    // Excessive drinking adds at most this many drinks between two usual cycles (four times her drinking).
    private const int MaxExtraPerCycle = 3;

    // After six time constants less than 0.3% of a dip is left: older drinks no longer show.
    private static readonly long Lookback = 6 * Recovery.Ticks;

    private readonly long _intervalTicks = interval.Ticks;

    /// <summary>
    /// What <paramref name="cow"/> drank in the interval ending at <paramref name="measuredAt"/> and
    /// how far her drinking still pulls the reading down. <paramref name="drinkingFactor"/> below 1
    /// skips that share of her cycles (a condition such as low water intake); it applies to the
    /// whole lookback, so a dip from just before a condition began may fade sooner than it would have.
    /// Above 1 (excessive drinking) she goes to the trough that many times as often: extra cycles
    /// fall between her usual ones.
    /// </summary>
    public DrinkingAtReading At(SimulatedCow cow, DateTimeOffset measuredAt, double drinkingFactor)
    {
        var at = measuredAt.UtcTicks;
        var litres = 0.0;
        var dip = 0.0;
        var last = (long)Math.Floor(DrinkingClock(cow, at)) + 1;
        for (var cycle = (long)Math.Floor(DrinkingClock(cow, at - Lookback)) - 1; cycle <= last; cycle++)
        {
            var drankAt = TimeOf(cow, cycle + (Jitter * (DeterministicNoise.Uniform(seed, cow.Index, cycle, NoiseChannel.DrinkTiming) - 0.5)));
            if (drankAt > at || drankAt <= at - Lookback
                || DeterministicNoise.Uniform(seed, cow.Index, cycle, NoiseChannel.DrinkSkipped) >= drinkingFactor)
            {
                continue;
            }

            var volume = cow.LitresPerDrink * (0.6 + (0.8 * DeterministicNoise.Uniform(seed, cow.Index, cycle, NoiseChannel.DrinkLitres)));
            Drink(drankAt, volume, at, ref litres, ref dip);
        }

        if (drinkingFactor > 1)
        {
            AddExtraCycles(cow, at, drinkingFactor, ref litres, ref dip);
        }

        return new DrinkingAtReading(litres, Math.Min(dip, MaxDipCelsius));
    }

    /// <summary>Up to <see cref="MaxExtraPerCycle"/> extra drinks between two usual cycles, each kept with the chance that makes <paramref name="drinkingFactor"/> times her cycles.</summary>
    private void AddExtraCycles(SimulatedCow cow, long at, double drinkingFactor, ref double litres, ref double dip)
    {
        var slots = (int)Math.Min(MaxExtraPerCycle, Math.Ceiling(drinkingFactor - 1));
        var keep = (drinkingFactor - 1) / slots;
        var last = (long)Math.Floor(DrinkingClock(cow, at)) + 1;
        for (var cycle = (long)Math.Floor(DrinkingClock(cow, at - Lookback)) - 1; cycle <= last; cycle++)
        {
            for (var slot = 1; slot <= slots; slot++)
            {
                var step = (cycle * (MaxExtraPerCycle + 1)) + slot;
                if (DeterministicNoise.Uniform(seed, cow.Index, step, NoiseChannel.ExtraDrinkKept) >= keep)
                {
                    continue;
                }

                var offset = (slot + (0.5 * (DeterministicNoise.Uniform(seed, cow.Index, step, NoiseChannel.ExtraDrinkTiming) - 0.5))) / (slots + 1.0);
                var drankAt = TimeOf(cow, cycle + offset);
                if (drankAt > at || drankAt <= at - Lookback)
                {
                    continue;
                }

                Drink(drankAt, cow.LitresPerDrink * (0.6 + (0.8 * DeterministicNoise.Uniform(seed, cow.Index, step, NoiseChannel.DrinkLitres))), at, ref litres, ref dip);
            }
        }
    }

    private void Drink(long drankAt, double volume, long at, ref double litres, ref double dip)
    {
        if (drankAt > at - _intervalTicks)
        {
            litres += volume;
        }

        dip += volume * DipPerLitreCelsius * Math.Exp(-(at - drankAt) / (double)Recovery.Ticks);
    }

    /// <summary>How many drinking cycles' worth of time the cow has lived through at <paramref name="ticks"/>.</summary>
    private static double DrinkingClock(SimulatedCow cow, long ticks)
    {
        var day = Math.DivRem(ticks, TimeSpan.TicksPerDay, out var intoDay);
        return (day + DailyRhythm.DrinkingDoneBy(intoDay / (double)TimeSpan.TicksPerMinute)) * cow.DrinkingCyclesPerDay;
    }

    private static long TimeOf(SimulatedCow cow, double drinkingClock)
    {
        var days = drinkingClock / cow.DrinkingCyclesPerDay;
        var day = Math.Floor(days);
        return ((long)day * TimeSpan.TicksPerDay) + (long)(DailyRhythm.MinuteWhenDrinkingDone(days - day) * TimeSpan.TicksPerMinute);
    }
}
