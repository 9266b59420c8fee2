namespace CowHealth.Simulator.Herd;

/// <summary>
/// The shape of a dairy cow's day, by hour of day (0–24, farm time; the simulation takes UTC as
/// farm time). Milking and feed-out at about 06:00 and 17:00 drive activity, drinking and the
/// after-feeding dip in rumen pH; rumination happens mostly while resting at night.
/// </summary>
public static class DailyRhythm
{
    private const double MorningFeeding = 6.0;
    private const double EveningFeeding = 17.0;
    private const int MinutesPerDay = 24 * 60;

    // The rhythms cost a handful of exponentials each; a reading looks them up by minute of day instead.
    private static readonly RhythmAtMinute[] ByMinute = Enumerable.Range(0, MinutesPerDay).Select(m => new RhythmAtMinute(m / 60.0)).ToArray();

    private static readonly double[] DrinkingShareByMinute = CumulativeShare(DrinkingPropensity);

    /// <summary>Every rhythm at the minute of day of <paramref name="time"/>.</summary>
    public static RhythmAtMinute At(DateTimeOffset time) => At(time.UtcTicks);

    /// <summary>Every rhythm at the minute of day of a UTC tick count.</summary>
    public static RhythmAtMinute At(long utcTicks) => ByMinute[(int)(utcTicks % TimeSpan.TicksPerDay / TimeSpan.TicksPerMinute)];

    /// <summary>
    /// Body temperature runs a daily rhythm of about ±0.25 °C, lowest in the early morning and
    /// highest in the evening (Lammoglia et al. 1997: lowest at 03:00, highest at 19:00).
    /// </summary>
    public static double TemperatureOffsetCelsius(double hour) => 0.25 * Math.Sin(2 * Math.PI * (hour - 11) / 24);

    /// <summary>Two peaks of about two hours around milking and feed-out; 0 far from them.</summary>
    public static double FeedingPeaks(double hour) =>
        CircularBump(hour, MorningFeeding, 1.0) + CircularBump(hour, EveningFeeding, 1.0);

    /// <summary>Activity relative to a resting cow (1.0): busy around feeding, somewhat busier by day.</summary>
    public static double ActivityLevel(double hour) =>
        1.0 + (1.4 * FeedingPeaks(hour)) + (0.3 * Math.Max(0, Math.Sin(Math.PI * (hour - 6) / 12)));

    /// <summary>Share of the day's mean rumination rate; averages 1 over a day, about 1.4 at night.</summary>
    public static double RuminationShare(double hour) => 1 + (0.4 * Math.Cos(2 * Math.PI * (hour - 2) / 24));

    /// <summary>
    /// How far rumen pH sits below the cow's own level: fermentation of a fresh meal brings a dip
    /// of about 0.35 a few hours after each feeding (a healthy daily range of 0.5–1 unit is usual).
    /// </summary>
    public static double RumenPhDip(double hour) =>
        0.35 * (CircularBump(hour, MorningFeeding + 3, 1.5) + CircularBump(hour, EveningFeeding + 3, 1.5));

    /// <summary>Cows drink most right after milking and while feeding, least at night.</summary>
    public static double DrinkingPropensity(double hour) => 0.35 + FeedingPeaks(hour);

    /// <summary>
    /// Share of a day's drinking done by <paramref name="minuteOfDay"/> (0 at midnight, 1 at the
    /// next midnight). Spacing drinking cycles evenly on this scale puts them where cows drink.
    /// </summary>
    public static double DrinkingDoneBy(double minuteOfDay)
    {
        var whole = Math.Clamp((int)minuteOfDay, 0, MinutesPerDay - 1);
        return DrinkingShareByMinute[whole] + ((DrinkingShareByMinute[whole + 1] - DrinkingShareByMinute[whole]) * (minuteOfDay - whole));
    }

    /// <summary>The minute of day by which <paramref name="share"/> of the day's drinking is done: the inverse of <see cref="DrinkingDoneBy"/>.</summary>
    public static double MinuteWhenDrinkingDone(double share)
    {
        var index = Array.BinarySearch(DrinkingShareByMinute, share);
        if (index >= 0)
        {
            return index;
        }

        var after = Math.Min(~index, MinutesPerDay);
        var before = after - 1;
        return before + ((share - DrinkingShareByMinute[before]) / (DrinkingShareByMinute[after] - DrinkingShareByMinute[before]));
    }

    private static double CircularBump(double hour, double centre, double width)
    {
        var distance = ((hour - centre + 36) % 24) - 12;
        return Math.Exp(-distance * distance / (2 * width * width));
    }

    private static double[] CumulativeShare(Func<double, double> ofHour)
    {
        var cumulative = new double[MinutesPerDay + 1];
        for (var minute = 0; minute < MinutesPerDay; minute++)
        {
            cumulative[minute + 1] = cumulative[minute] + ofHour((minute + 0.5) / 60.0);
        }

        var total = cumulative[MinutesPerDay];
        for (var minute = 0; minute <= MinutesPerDay; minute++)
        {
            cumulative[minute] /= total;
        }

        return cumulative;
    }
}
