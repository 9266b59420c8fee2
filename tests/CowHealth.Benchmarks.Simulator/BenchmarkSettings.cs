using System.Globalization;

namespace CowHealth.Benchmarks.Simulator;

/// <summary>What to measure, from the command line: <c>--cows 1000 --days 3,30 --partitions 12</c>.</summary>
internal sealed record BenchmarkSettings(int Cows, IReadOnlyList<double> Days, int Partitions, IReadOnlyList<BackfillRun> Runs)
{
    /// <summary>The backfill the issue asks about: 1,000 cows for 30 days, and 3 days to show memory does not grow with days.</summary>
    public static BenchmarkSettings Parse(string[] args)
    {
        var settings = new BenchmarkSettings(1_000, [3, 30], 12, [BackfillRun.Generate, BackfillRun.GenerateAndProduce]);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            settings = args[i] switch
            {
                "--cows" => settings with { Cows = int.Parse(value, CultureInfo.InvariantCulture) },
                "--days" => settings with { Days = value.Split(',').Select(d => double.Parse(d, CultureInfo.InvariantCulture)).ToList() },
                "--partitions" => settings with { Partitions = int.Parse(value, CultureInfo.InvariantCulture) },
                "--runs" => settings with { Runs = value.Split(',').Select(r => Enum.Parse<BackfillRun>(r, ignoreCase: true)).ToList() },
                _ => throw new ArgumentException($"Unknown option {args[i]}; use --cows N, --days D[,D...], --partitions P, --runs Generate,GenerateAndProduce."),
            };
        }

        return settings;
    }
}
