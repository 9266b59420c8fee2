using CowHealth.Contracts;
using CowHealth.Simulator.Conditions;
using CowHealth.Simulator.Herd;
using Microsoft.Extensions.Options;

namespace CowHealth.Tests.Simulator;

/// <summary>Builds a herd model for a spec: by default a small herd in good health, with nothing arising on its own.</summary>
internal sealed class HerdBuilder
{
    private readonly HerdOptions _herd = new() { Farms = 1, CowsPerFarm = 20, Seed = 11 };
    private readonly ConditionOptions _conditions = new() { Spontaneous = false };

    public HerdBuilder WithCows(int farms, int cowsPerFarm)
    {
        _herd.Farms = farms;
        _herd.CowsPerFarm = cowsPerFarm;
        return this;
    }

    public HerdBuilder WithSeed(int seed)
    {
        _herd.Seed = seed;
        return this;
    }

    public HerdBuilder WithPhBolusOnEveryCow()
    {
        _herd.PhBolusShare = 1.0;
        return this;
    }

    public HerdBuilder WithSpontaneousConditions(Action<ConditionOptions>? configure = null)
    {
        _conditions.Spontaneous = true;
        configure?.Invoke(_conditions);
        return this;
    }

    public HerdBuilder WithConditions(Action<ConditionOptions> configure)
    {
        configure(_conditions);
        return this;
    }

    public ConditionOptions Conditions => _conditions;

    public HerdModel Build() => new(Options.Create(_herd), Options.Create(_conditions));
}

/// <summary>Readings of one cow over a stretch of simulated time, as a spec looks at them.</summary>
internal static class CowSeries
{
    public static readonly DateTimeOffset Monday = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Every reading the bolus sends in [from, to); offline intervals are left out.</summary>
    public static List<SensorReading> Readings(this HerdModel herd, SimulatedCow cow, DateTimeOffset from, DateTimeOffset to)
    {
        var readings = new List<SensorReading>();
        for (var at = herd.AlignToInterval(from); at < to; at += herd.SensorInterval)
        {
            if (herd.ReadingOf(cow, at) is { } reading)
            {
                readings.Add(reading);
            }
        }

        return readings;
    }

    public static List<SensorReading> Readings(this HerdModel herd, SimulatedCow cow, DateTimeOffset from, TimeSpan length) =>
        herd.Readings(cow, from, from + length);

    /// <summary>The value below which <paramref name="share"/> of the values lie.</summary>
    public static double Quantile(this IEnumerable<double> values, double share)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted[(int)Math.Clamp(Math.Round(share * (sorted.Length - 1)), 0, sorted.Length - 1)];
    }

    /// <summary>Injects through the scenario book as the Fake API does, failing the spec if it is refused.</summary>
    public static ConditionEpisode Inject(this HerdModel herd, SimulatedCow cow, HealthCondition condition, DateTimeOffset onset, TimeSpan duration)
    {
        var outcome = herd.Scenarios.TryInject(cow, condition, onset, duration, out var episode);
        Assert.Equal(InjectionOutcome.Recorded, outcome);
        return episode!;
    }
}
