using System.Diagnostics;
using System.Text.Json;
using CowHealth.Contracts;
using CowHealth.Processor.Detection;
using Microsoft.Extensions.Options;

namespace CowHealth.Benchmarks;

/// <summary>
/// What the detection rules cost on the Processor's hot path: readings per second through
/// <see cref="HerdDetector"/> on one thread and on two (cows split between them, as partitions
/// are), allocation per reading, and memory per tracked cow. Readings are made before the clock
/// starts, a day at a time, with a daily rhythm, drinks and their dips, so every rule does its
/// real work; the first day warms the baselines up and is timed separately.
/// </summary>
internal static class DetectionBenchmark
{
    private const int ReadingsPerDay = 144;
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public static Task Run(string[] args)
    {
        var cows = BenchmarkOptions.Int(args, "cows", 5_000);
        var days = BenchmarkOptions.Int(args, "days", 4);
        var memoryCows = BenchmarkOptions.Int(args, "memory-cows", 100_000);
        var ids = Enumerable.Range(0, cows).Select(c => $"F{c % 4 + 1:D2}-C{c:D6}").ToArray();

        var (single, allocated, changes) = SingleThread(ids, days);
        var twoThreads = TwoThreads(ids, days);
        var bytesPerCow = BytesPerTrackedCow(memoryCows);
        var (snapshotBytes, snapshotMicroseconds) = Snapshots(ids, days: 2);

        Console.WriteLine($"herd: {cows:N0} cows, {days} days of ten-minute readings ({(long)cows * days * ReadingsPerDay:N0} readings); " +
            $"the first day warms the baselines up");
        Console.WriteLine($"  one thread, warm-up day:          {single.WarmUp:N0} readings/s");
        Console.WriteLine($"  one thread, warm days:            {single.Warm:N0} readings/s ({1e6 / single.Warm:0.00} µs per reading)");
        Console.WriteLine($"  two threads, warm days:           {twoThreads:N0} readings/s");
        Console.WriteLine($"  allocated per warm reading:       {allocated:0.00} bytes ({changes:N0} condition changes in the run)");
        Console.WriteLine($"  memory per tracked cow:           {bytesPerCow:N0} bytes ({memoryCows:N0} cows, GC.GetTotalMemory before and after)");
        Console.WriteLine($"  snapshot of a warm cow:           {snapshotBytes:N0} bytes of JSON, {snapshotMicroseconds:0.0} µs to take and serialize");
        Console.WriteLine($"headline detection-readings-per-s: {single.Warm:0}");
        Console.WriteLine($"headline detection-bytes-per-cow: {bytesPerCow:0}");
        return Task.CompletedTask;
    }

    private static ((double WarmUp, double Warm) Rates, double AllocatedPerReading, long Changes) SingleThread(string[] ids, int days)
    {
        var detector = NewDetector();
        double warmUpRate = 0;
        long warmReadings = 0, changes = 0, allocated = 0;
        var warmTime = TimeSpan.Zero;
        for (var day = 0; day < days; day++)
        {
            var readings = Day(ids, 0, ids.Length, day);
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            foreach (var reading in readings)
            {
                changes += detector.Observe(reading).Count;
            }

            clock.Stop();
            if (day == 0)
            {
                warmUpRate = readings.Length / clock.Elapsed.TotalSeconds;
                continue;
            }

            allocated += GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            warmTime += clock.Elapsed;
            warmReadings += readings.Length;
        }

        return ((warmUpRate, warmReadings / warmTime.TotalSeconds), (double)allocated / warmReadings, changes);
    }

    private static double TwoThreads(string[] ids, int days)
    {
        var detector = NewDetector();
        var half = ids.Length / 2;
        long warmReadings = 0;
        var warmTime = TimeSpan.Zero;
        for (var day = 0; day < days; day++)
        {
            var parts = new[] { Day(ids, 0, half, day), Day(ids, half, ids.Length, day) };
            var clock = Stopwatch.StartNew();
            Parallel.ForEach(parts, new ParallelOptions { MaxDegreeOfParallelism = 2 }, readings =>
            {
                foreach (var reading in readings)
                {
                    detector.Observe(reading);
                }
            });
            clock.Stop();
            if (day > 0)
            {
                warmTime += clock.Elapsed;
                warmReadings += parts[0].Length + parts[1].Length;
            }
        }

        return warmReadings / warmTime.TotalSeconds;
    }

    private static double BytesPerTrackedCow(int cows)
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var detector = NewDetector();
        for (var step = 0; step < 3; step++)
        {
            for (var cow = 0; cow < cows; cow++)
            {
                // Each cow's id is a fresh string, as a deserialized reading's is; the detector keeps one per cow.
                detector.Observe(ReadingOf($"F{cow % 4 + 1:D2}-C{cow:D6}", cow, step));
            }
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(detector);
        return (after - before) / (double)cows;
    }

    private static (double Bytes, double Microseconds) Snapshots(string[] ids, int days)
    {
        var detector = NewDetector();
        for (var day = 0; day < days; day++)
        {
            foreach (var reading in Day(ids, 0, ids.Length, day))
            {
                detector.Observe(reading);
            }
        }

        long bytes = 0;
        var clock = Stopwatch.StartNew();
        foreach (var id in ids)
        {
            bytes += JsonSerializer.Serialize(detector.Snapshot(id)).Length;
        }

        return ((double)bytes / ids.Length, clock.Elapsed.TotalMicroseconds / ids.Length);
    }

    private static HerdDetector NewDetector() => new(Options.Create(new DetectionOptions()));

    /// <summary>A day of readings of cows [from, to), in event-time order across the herd.</summary>
    private static SensorReading[] Day(string[] ids, int from, int to, int day)
    {
        var readings = new SensorReading[(to - from) * ReadingsPerDay];
        var i = 0;
        for (var step = day * ReadingsPerDay; step < (day + 1) * ReadingsPerDay; step++)
        {
            for (var cow = from; cow < to; cow++)
            {
                readings[i++] = ReadingOf(ids[cow], cow, step);
            }
        }

        return readings;
    }

    /// <summary>A healthy cow's reading: daily rhythms, noise, a drink now and then with its dip and recovery.</summary>
    private static SensorReading ReadingOf(string cowId, int cow, int step)
    {
        var at = Start.AddMinutes(10 * step);
        var hour = at.UtcDateTime.TimeOfDay.TotalHours;
        var feeding = Math.Exp(-Math.Pow(hour - 6, 2) / 2) + Math.Exp(-Math.Pow(hour - 17, 2) / 2);
        // About ten drinks a day, regular as real cows are, each cooling the rumen and recovering over the next readings.
        var sinceDrink = (step + (cow * 7)) % 14;
        var drinks = sinceDrink == 0;
        var dip = sinceDrink switch { 0 => 5.0, 1 => 2.7, 2 => 1.5, 3 => 0.7, _ => 0 };
        var normal = 38.8 + (0.4 * Noise(cow, -1, 2));
        var temperature = normal + (0.25 * Math.Sin(2 * Math.PI * (hour - 10) / 24)) + (0.1 * (Noise(cow, step, 3) - 0.5)) - dip;
        var activity = (0.7 + (0.9 * feeding)) * (0.9 + (0.2 * Noise(cow, step, 4)));
        var rumination = 3.5 * (1 + (0.4 * Math.Cos(2 * Math.PI * (hour - 2) / 24))) * (0.85 + (0.3 * Noise(cow, step, 5)));
        double? ph = cow % 5 == 0 ? 6.4 - (0.25 * feeding) + (0.1 * (Noise(cow, step, 6) - 0.5)) : null;
        return new SensorReading(Guid.NewGuid(), cowId, cowId[..3], "B" + cowId, at, Math.Round(temperature, 2), Math.Round(activity, 3),
            Math.Round(rumination, 1), drinks ? 12.5 : 0, ph is null ? null : Math.Round(ph.Value, 2));
    }

    /// <summary>Uniform in [0, 1), a pure function of its inputs.</summary>
    private static double Noise(int cow, int step, int channel)
    {
        var x = ((ulong)(uint)cow << 32) ^ (ulong)(uint)step ^ ((ulong)channel << 56);
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return (x >> 11) * (1.0 / (1UL << 53));
    }
}
