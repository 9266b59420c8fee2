using CowHealth.Contracts;
using CowHealth.Simulator.Conditions;
using Microsoft.Extensions.Options;

namespace CowHealth.Simulator.Herd;

/// <summary>
/// The simulated herd and its physiology. Each cow's reading at a time step is a pure function of
/// the seed, the cow, the step and the conditions injected on her (see <see cref="DeterministicNoise"/>),
/// so any day can be generated without the days before it and memory does not grow with time.
/// </summary>
public sealed class HerdModel
{
    private readonly int _seed;
    private readonly long _intervalTicks;
    private readonly double _intervalMinutes;
    private readonly double _intervalsPerDay;
    private readonly ConditionSignatures _signatures;
    private readonly DrinkingCycles _drinking;
    private readonly Dictionary<string, SimulatedCow> _byCowId;

    /// <summary>A herd with the default conditions and nothing injected, as a test or a benchmark builds it.</summary>
    public HerdModel(IOptions<HerdOptions> herd)
        : this(herd, Options.Create(new ConditionOptions()))
    {
    }

    public HerdModel(IOptions<HerdOptions> herd, IOptions<ConditionOptions> conditions)
        : this(herd, conditions, new ScenarioBook(conditions))
    {
    }

    public HerdModel(IOptions<HerdOptions> herd, IOptions<ConditionOptions> conditions, ScenarioBook scenarios)
    {
        var options = herd.Value;
        _seed = options.Seed;
        SensorInterval = TimeSpan.FromMinutes(options.SensorIntervalMinutes);
        _intervalTicks = SensorInterval.Ticks;
        _intervalMinutes = SensorInterval.TotalMinutes;
        _intervalsPerDay = TimeSpan.TicksPerDay / (double)_intervalTicks;
        _signatures = new ConditionSignatures(conditions);
        _drinking = new DrinkingCycles(_seed, SensorInterval);
        Scenarios = scenarios;
        Spontaneous = new SpontaneousConditions(_seed, conditions.Value);

        var cows = new List<SimulatedCow>(options.Farms * options.CowsPerFarm);
        for (var farm = 1; farm <= options.Farms; farm++)
        {
            for (var n = 1; n <= options.CowsPerFarm; n++)
            {
                cows.Add(NewCow(cows.Count, farm, n, options, conditions.Value));
            }
        }

        Cows = cows;
        _byCowId = cows.ToDictionary(c => c.CowId, StringComparer.Ordinal);
    }

    public IReadOnlyList<SimulatedCow> Cows { get; }

    public TimeSpan SensorInterval { get; }

    /// <summary>Conditions injected on purpose; the readings show them.</summary>
    public ScenarioBook Scenarios { get; }

    /// <summary>Conditions that arise on their own; the readings show them.</summary>
    public SpontaneousConditions Spontaneous { get; }

    public SimulatedCow? FindCow(string cowId) => _byCowId.GetValueOrDefault(cowId);

    /// <summary>The first reading time at or after <paramref name="time"/>: readings fall on whole intervals.</summary>
    public DateTimeOffset AlignToInterval(DateTimeOffset time)
    {
        var aligned = (time.UtcTicks + _intervalTicks - 1) / _intervalTicks * _intervalTicks;
        return new DateTimeOffset(aligned, TimeSpan.Zero);
    }

    /// <summary>The last reading time at or before <paramref name="time"/>.</summary>
    public DateTimeOffset AlignDownToInterval(DateTimeOffset time) =>
        new(time.UtcTicks / _intervalTicks * _intervalTicks, TimeSpan.Zero);

    /// <summary>What <paramref name="cow"/>'s conditions do to her reading at <paramref name="at"/>.</summary>
    public ConditionEffects EffectsOn(SimulatedCow cow, DateTimeOffset at)
    {
        var effects = new ConditionEffects();
        Spontaneous.AddEffects(cow, at, _signatures, ref effects);
        Scenarios.AddEffects(cow, at, _signatures, ref effects);
        return effects;
    }

    /// <summary>
    /// The reading <paramref name="cow"/>'s bolus sends for the interval ending at <paramref name="measuredAt"/>,
    /// or null when it sends nothing (the sensor is offline).
    /// </summary>
    public SensorReading? ReadingOf(SimulatedCow cow, DateTimeOffset measuredAt)
    {
        var effects = EffectsOn(cow, measuredAt);
        if (effects.SensorOffline)
        {
            return null;
        }

        var step = measuredAt.UtcTicks / _intervalTicks;
        var i = cow.Index;
        var rhythm = DailyRhythm.At(measuredAt);
        var drinking = _drinking.At(cow, measuredAt, effects.DrinkingFactor);

        var temperature = cow.BaselineTemperatureCelsius + rhythm.TemperatureOffsetCelsius + effects.TemperatureShiftCelsius
            - drinking.TemperatureDipCelsius
            + (0.05 * DeterministicNoise.Gaussian(_seed, i, step, NoiseChannel.Temperature));

        var activity = cow.BaselineActivityIndex * rhythm.ActivityLevel * effects.ActivityFactor
            * (1 + (0.15 * DeterministicNoise.Gaussian(_seed, i, step, NoiseChannel.Activity)));

        var rumination = cow.RuminationMinutesPerDay / _intervalsPerDay * rhythm.RuminationShare * effects.RuminationFactor
            * (1 + (0.15 * DeterministicNoise.Gaussian(_seed, i, step, NoiseChannel.Rumination)));

        double? ph = cow.HasPhBolus
            ? cow.BaselineRumenPh - rhythm.RumenPhDip + effects.RumenPhShift + (0.03 * DeterministicNoise.Gaussian(_seed, i, step, NoiseChannel.RumenPh))
            : null;

        if (effects.SensorFault)
        {
            // A failing bolus reads far outside anything a living cow shows, sometimes cold, sometimes hot.
            var garbage = DeterministicNoise.Uniform(_seed, i, step, NoiseChannel.FaultValue);
            temperature = garbage < 0.5 ? 10 + (30 * garbage) : 46 + (20 * (garbage - 0.5));
            ph = ph is null ? null : (garbage < 0.5 ? 1 + (4 * garbage) : 9 + (6 * (garbage - 0.5)));
        }

        return new SensorReading(
            DeterministicNoise.Identifier(_seed, i, step),
            cow.CowId,
            cow.FarmId,
            cow.SensorId,
            measuredAt,
            // Commercial boluses report at 0.01 °C resolution.
            Math.Round(temperature, 2),
            Math.Round(Math.Max(0, activity), 3),
            Math.Round(Math.Clamp(rumination, 0, _intervalMinutes), 1),
            Math.Round(drinking.Litres, 1),
            ph is null ? null : Math.Round(ph.Value, 2));
    }

    private SimulatedCow NewCow(int index, int farm, int n, HerdOptions herd, ConditionOptions conditions)
    {
        double Gaussian(int channel, double limit) => Math.Clamp(DeterministicNoise.Gaussian(_seed, index, -1, channel), -limit, limit);
        double Uniform(int channel) => DeterministicNoise.Uniform(_seed, index, -1, channel);

        var calvingInterval = TimeSpan.FromMinutes(Math.Floor(TimeSpan.FromDays(conditions.CalvingIntervalDays + (20 * ((2 * Uniform(NoiseChannel.TraitCalvingInterval)) - 1))).TotalMinutes));
        return new SimulatedCow(
            index,
            CowId: $"F{farm:D2}-C{n:D4}",
            FarmId: $"F{farm:D2}",
            SensorId: $"B{_seed:X4}{index:D6}",
            BaselineTemperatureCelsius: 39.0 + (0.15 * Gaussian(NoiseChannel.TraitTemperature, 2.5)),
            BaselineActivityIndex: 1.0 + (0.1 * Gaussian(NoiseChannel.TraitActivity, 2.5)),
            RuminationMinutesPerDay: 500 + (40 * Gaussian(NoiseChannel.TraitRumination, 2.5)),
            HasPhBolus: Uniform(NoiseChannel.TraitPhBolus) < herd.PhBolusShare,
            BaselineRumenPh: 6.45 + (0.06 * Gaussian(NoiseChannel.TraitRumenPh, 2.5)),
            DrinkingCyclesPerDay: 7 + (3 * Uniform(NoiseChannel.TraitDrinkingCycles)),
            LitresPerDrink: 8 + (4 * Uniform(NoiseChannel.TraitLitresPerDrink)),
            Calvings: new CalvingCycle(
                DateTimeOffset.UnixEpoch + TimeSpan.FromMinutes(Math.Floor(calvingInterval.TotalMinutes * Uniform(NoiseChannel.TraitCalvingPhase))),
                calvingInterval));
    }
}
