using System.Diagnostics;
using System.Globalization;
using CowHealth.Benchmarks.Simulator;
using CowHealth.Testing;

// Measures the Simulator's backfill: the herd model alone, then generated and produced into an
// embedded broker, for a few backfill lengths. Each run gets a process of its own so that its
// peak memory is its own. Run with:
//   dotnet run -c Release --project tests/CowHealth.Benchmarks.Simulator -- --cows 1000 --days 3,30
// Backfills start on 2026-01-01, so 30 days of history lie in the past whatever today is.
var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

if (args is ["--child", var childRun, var childCows, var childDays, var childPartitions])
{
    var cows = int.Parse(childCows, CultureInfo.InvariantCulture);
    var days = double.Parse(childDays, CultureInfo.InvariantCulture);
    var measured = Enum.Parse<BackfillRun>(childRun) == BackfillRun.Generate
        ? await GenerationRun.Measure(cows, days, start)
        : await ProduceRun.Measure(cows, days, int.Parse(childPartitions, CultureInfo.InvariantCulture), start);
    Console.WriteLine(measured.ToLine());
    return 0;
}

var settings = BenchmarkSettings.Parse(args);
MachineDescription.Print(Console.Out);
Console.WriteLine($"herd: {settings.Cows:N0} cows (10 farms), readings every 10 minutes, {settings.Partitions} partitions on cow-health-data");
Console.WriteLine();
Console.WriteLine($"{"run",-20} {"days",5} {"readings",11} {"seconds",8} {"readings/s",11} {"peak RSS MiB",13} {"peak heap MiB",14}");
var results = new List<RunResult>();
foreach (var run in settings.Runs)
{
    foreach (var days in settings.Days)
    {
        var result = await RunInChildProcess(run, settings.Cows, days, settings.Partitions);
        results.Add(result);
        Console.WriteLine($"{result.Run,-20} {result.Days,5:0.##} {result.Readings,11:N0} {result.Seconds,8:0.0} {result.ReadingsPerSecond,11:N0} {result.PeakResidentBytes / 1048576.0,13:0} {result.PeakManagedHeapBytes / 1048576.0,14:0}");
    }
}

// The headline is the backfill the issue names: generated and produced, 30 days (or the longest run).
var produced = results.Where(r => r.Run == BackfillRun.GenerateAndProduce).ToList();
var candidates = produced.Count > 0 ? produced : results;
var headline = candidates.FirstOrDefault(r => r.Days == 30) ?? candidates.MaxBy(r => r.Days)!;
Console.WriteLine();
Console.WriteLine($"headline simulator-backfill-readings-per-s: {headline.ReadingsPerSecond:0}");
return 0;

static async Task<RunResult> RunInChildProcess(BackfillRun run, int cows, double days, int partitions)
{
    var self = Environment.ProcessPath!;
    var start = new ProcessStartInfo(self) { RedirectStandardOutput = true };
    if (Path.GetFileNameWithoutExtension(self) == "dotnet")
    {
        start.ArgumentList.Add(typeof(BackfillRun).Assembly.Location);
    }

    foreach (var argument in new[] { "--child", run.ToString(), cows.ToString(CultureInfo.InvariantCulture), days.ToString(CultureInfo.InvariantCulture), partitions.ToString(CultureInfo.InvariantCulture) })
    {
        start.ArgumentList.Add(argument);
    }

    using var child = Process.Start(start)!;
    var output = await child.StandardOutput.ReadToEndAsync();
    await child.WaitForExitAsync();
    return output.Split('\n').Select(RunResult.FromLine).OfType<RunResult>().SingleOrDefault()
        ?? throw new InvalidOperationException($"The {run} run of {days} days failed (exit code {child.ExitCode}):\n{output}");
}
