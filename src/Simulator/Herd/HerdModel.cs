using CowHealth.Contracts;
using Microsoft.Extensions.Options;

namespace CowHealth.Simulator.Herd;

/// <summary>
/// The simulated herd and its physiology: each cow's reading at a time step is a pure function of
/// the seed, the cow and the step (see <see cref="DeterministicNoise"/>).
/// </summary>
public sealed class HerdModel
{
    private readonly int _seed;

    public HerdModel(IOptions<HerdOptions> options)
    {
        var herd = options.Value;
        _seed = herd.Seed;
        SensorInterval = TimeSpan.FromMinutes(herd.SensorIntervalMinutes);
        var cows = new List<SimulatedCow>(herd.Farms * herd.CowsPerFarm);
        for (var farm = 1; farm <= herd.Farms; farm++)
        {
            for (var n = 1; n <= herd.CowsPerFarm; n++)
            {
                var index = cows.Count;
                cows.Add(new SimulatedCow(
                    index,
                    CowId: $"F{farm:D2}-C{n:D4}",
                    FarmId: $"F{farm:D2}",
                    SensorId: $"B{_seed:X4}{index:D6}",
                    BaselineTemperatureCelsius: 39.0 + (0.15 * DeterministicNoise.Gaussian(_seed, index, -1, 1)),
                    BaselineActivityIndex: 1.0 + (0.1 * DeterministicNoise.Gaussian(_seed, index, -1, 2)),
                    RuminationMinutesPerDay: 500 + (40 * DeterministicNoise.Gaussian(_seed, index, -1, 3)),
                    HasPhBolus: DeterministicNoise.Uniform(_seed, index, -1, 4) < herd.PhBolusShare));
            }
        }

        Cows = cows;
    }

    public IReadOnlyList<SimulatedCow> Cows { get; }

    public TimeSpan SensorInterval { get; }

    /// <summary>The first reading time at or after <paramref name="time"/>: readings fall on whole intervals.</summary>
    public DateTimeOffset AlignToInterval(DateTimeOffset time)
    {
        var ticks = SensorInterval.Ticks;
        var aligned = (time.UtcTicks + ticks - 1) / ticks * ticks;
        return new DateTimeOffset(aligned, TimeSpan.Zero);
    }

    /// <summary>The reading <paramref name="cow"/>'s bolus sends for the interval ending at <paramref name="measuredAt"/>.</summary>
    public SensorReading ReadingOf(SimulatedCow cow, DateTimeOffset measuredAt)
    {
        var step = measuredAt.UtcTicks / SensorInterval.Ticks;
        var hourOfDay = measuredAt.UtcDateTime.TimeOfDay.TotalHours;
        var i = cow.Index;

        // Body temperature runs a daily rhythm of about ±0.3 °C, lowest in the early morning.
        var temperature = cow.BaselineTemperatureCelsius
            + (0.3 * Math.Sin(2 * Math.PI * (hourOfDay - 10) / 24))
            + (0.05 * DeterministicNoise.Gaussian(_seed, i, step, 10));

        // Cows are busiest around the two milkings and feed-outs, quietest at night.
        var feedingPeaks = Math.Exp(-Math.Pow(hourOfDay - 6, 2) / 2) + Math.Exp(-Math.Pow(hourOfDay - 17, 2) / 2);
        var activity = cow.BaselineActivityIndex * (0.7 + (0.9 * feedingPeaks)) * (1 + (0.1 * DeterministicNoise.Gaussian(_seed, i, step, 11)));

        // Rumination is heaviest at night, while resting.
        var intervalMinutes = SensorInterval.TotalMinutes;
        var nightShare = 1 + (0.4 * Math.Cos(2 * Math.PI * (hourOfDay - 2) / 24));
        var rumination = cow.RuminationMinutesPerDay / (24 * 60 / intervalMinutes) * nightShare
            * (1 + (0.15 * DeterministicNoise.Gaussian(_seed, i, step, 12)));

        var drinks = DeterministicNoise.Uniform(_seed, i, step, 13) < 0.08;
        var water = drinks ? 8 + (10 * DeterministicNoise.Uniform(_seed, i, step, 14)) : 0;

        double? ph = cow.HasPhBolus
            ? 6.4 - (0.25 * feedingPeaks) + (0.05 * DeterministicNoise.Gaussian(_seed, i, step, 15))
            : null;

        return new SensorReading(
            DeterministicNoise.Identifier(_seed, i, step),
            cow.CowId,
            cow.FarmId,
            cow.SensorId,
            measuredAt,
            Math.Round(temperature, 2),
            Math.Round(Math.Max(0, activity), 3),
            Math.Round(Math.Clamp(rumination, 0, intervalMinutes), 1),
            Math.Round(water, 1),
            ph is null ? null : Math.Round(ph.Value, 2));
    }
}
