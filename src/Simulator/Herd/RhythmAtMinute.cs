namespace CowHealth.Simulator.Herd;

/// <summary>The daily rhythms of <see cref="DailyRhythm"/> at one minute of the day, worked out once.</summary>
public sealed class RhythmAtMinute(double hour)
{
    public double TemperatureOffsetCelsius { get; } = DailyRhythm.TemperatureOffsetCelsius(hour);

    public double ActivityLevel { get; } = DailyRhythm.ActivityLevel(hour);

    public double RuminationShare { get; } = DailyRhythm.RuminationShare(hour);

    public double RumenPhDip { get; } = DailyRhythm.RumenPhDip(hour);
}
