using System.Diagnostics;
using CowHealth.Simulator.Herd;
using Microsoft.Extensions.Options;

namespace CowHealth.Benchmarks.Simulator;

/// <summary>The herd model alone: how fast readings can be made, with nothing sent.</summary>
internal static class GenerationRun
{
    public static async Task<RunResult> Measure(int cows, double days, DateTimeOffset start)
    {
        var herd = new HerdModel(Options.Create(new HerdOptions { Farms = 10, CowsPerFarm = cows / 10 }));
        var end = start + TimeSpan.FromDays(days);
        await using var memory = new PeakMemory();
        var clock = Stopwatch.StartNew();
        var readings = 0L;
        var temperatureSum = 0.0;
        for (var at = start; at < end; at += herd.SensorInterval)
        {
            foreach (var cow in herd.Cows)
            {
                if (herd.ReadingOf(cow, at) is { } reading)
                {
                    readings++;
                    temperatureSum += reading.RumenTemperatureCelsius; // keeps the work from being optimised away
                }
            }
        }

        clock.Stop();
        GC.KeepAlive(temperatureSum);
        return new RunResult(BackfillRun.Generate, days, readings, clock.Elapsed.TotalSeconds, PeakMemory.PeakResidentBytes, memory.PeakManagedHeapBytes);
    }
}
