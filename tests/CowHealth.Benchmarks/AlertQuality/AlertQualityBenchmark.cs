using System.Diagnostics;
using CowHealth.Processor.Detection;
using CowHealth.Testing;

namespace CowHealth.Benchmarks.AlertQuality;

/// <summary>
/// The alert-quality scorecard: for each seed, the Simulator's herd (spontaneous conditions and
/// injected episodes of every condition) is sent through the real Processor on the embedded broker
/// and a throwaway PostgreSQL, and its alerts are scored against the Simulator's ground truth.
/// Writes docs/alert-quality.md (or <c>--out</c>) and prints the same text.
/// </summary>
internal static class AlertQualityBenchmark
{
    public static async Task Run(string[] args)
    {
        var seeds = BenchmarkOptions.Int(args, "seeds", 4);
        var farms = BenchmarkOptions.Int(args, "farms", 3);
        var cowsPerFarm = BenchmarkOptions.Int(args, "cows-per-farm", 100);
        var days = Math.Max(10, BenchmarkOptions.Int(args, "days", 15));
        var episodes = BenchmarkOptions.Int(args, "episodes", 16);
        var outIndex = Array.IndexOf(args, "--out");
        var output = outIndex >= 0 && outIndex + 1 < args.Length ? args[outIndex + 1] : Path.Combine(RepositoryRoot(), "docs", "alert-quality.md");

        // --set Detection:Fever:Statistic=Ewma and the like: settings for the Processor, to compare choices on the same herds.
        var overrides = args.Select((arg, i) => (arg, i)).Where(a => a.arg == "--set" && a.i + 1 < args.Length)
            .Select(a => args[a.i + 1].Split('=', 2)).ToDictionary(kv => kv[0], kv => (string?)kv.ElementAtOrDefault(1));
        var settings = new DetectionOptions();
        DetectionOptions.Bind(new ConfigurationBuilder().AddInMemoryCollection(overrides).Build().GetSection(DetectionOptions.Section), settings);
        var score = new AlertQualityScore();
        var clock = Stopwatch.StartNew();
        long readings = 0;
        var postgres = new ThrowawayPostgres();
        await postgres.InitializeAsync();
        try
        {
            for (var i = 0; i < seeds; i++)
            {
                // Seeds of their own: the specs use small ones (7, 11, 42).
                var seed = 1_001 + i;
                var run = ScorecardHerd.Build(seed, farms, cowsPerFarm, days, episodes);
                var sent = run.Readings();
                readings += sent.Count;
                var database = await postgres.CreateDatabaseAsync($"alert_quality_{seed}");
                var (spans, elapsed) = await PipelineAlerts.Run(database, sent, overrides);
                score.Add(run, spans, settings);
                Console.WriteLine($"seed {seed}: {sent.Count:N0} readings through the Processor in {elapsed.TotalSeconds:N0} s, {spans.Count:N0} alert spans");
            }
        }
        finally
        {
            await postgres.DisposeAsync();
        }

        // For whoever tunes the rules: where the false alerts and the misses are (not in the report, which stays short).
        foreach (var alert in score.FalseAlerts.OrderBy(f => f.Condition).ThenBy(f => f.At).Take(40))
        {
            Console.WriteLine($"false: {alert.Condition} on {alert.CowId} at {alert.At:MM-dd HH:mm}");
        }

        foreach (var missed in score.Outcomes.Where(o => o.Excluded is null && !o.Detected).OrderBy(o => o.Episode.Condition).Take(40))
        {
            Console.WriteLine($"missed: {missed.Episode.Condition} {missed.Severity:0.###} on {missed.Episode.CowId} " +
                $"{missed.Episode.OnsetAt:MM-dd HH:mm}–{missed.Episode.EndsAt:MM-dd HH:mm} ({missed.Episode.Origin})");
        }

        var machine = new StringWriter();
        MachineDescription.Print(machine);
        var setup = $"herd: {seeds} seeds ({1_001}–{1_000 + seeds}), each {farms} farms × {cowsPerFarm} cows for {days} days of ten-minute readings " +
            $"({readings:N0} readings in all), 30 % with a pH bolus, spontaneous conditions at the default rates, and {episodes} injected episodes " +
            $"of each injectable condition per seed on cows of their own (onsets from day 3.5, spread over the days and hours)" + Environment.NewLine +
            $"pipeline: embedded Kafka-protocol broker (64 partitions), the Processor of the local run (rider, ingestion, detection with default " +
            $"settings{(overrides.Count == 0 ? "" : " but " + string.Join(", ", overrides.Select(o => $"{o.Key}={o.Value}")))}, alert saga) " +
            $"on a throwaway PostgreSQL; alerts read from its alert events; whole run {clock.Elapsed.TotalMinutes:0.0} min";
        var report = AlertQualityReport.Write(score, settings, setup, machine.ToString().TrimEnd().Split(Environment.NewLine));
        Console.WriteLine(report);
        await File.WriteAllTextAsync(output, report);
        Console.WriteLine($"written to {Path.GetFullPath(output)}");
    }

    /// <summary>The folder holding CowHealth.sln, above the current directory or, failing that, above the benchmark's binaries.</summary>
    private static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "CowHealth.sln")))
                {
                    return folder.FullName;
                }
            }
        }

        throw new InvalidOperationException("No CowHealth.sln above the current directory: pass --out <file>.");
    }
}
