using CowHealth.Benchmarks.AlertQuality;
using CowHealth.Testing;

namespace CowHealth.Benchmarks;

/// <summary>Picks a benchmark by name; each prints its figures and its headline lines.</summary>
internal static class BenchmarkCommand
{
    private static readonly Dictionary<string, (string Description, Func<string[], Task> Run)> Benchmarks = new()
    {
        ["rider"] = ("Raw Confluent consume loop vs the Kafka rider dispatching into MassTransit (single and batch).", RiderBenchmark.Run),
        ["processor"] = ("Raw binary COPY vs the Processor's whole chain, and produce-to-stored latency at a steady rate.", ProcessorBenchmark.Run),
        ["gateway"] = ("The Gateway's reads over 10 M stored readings: p99 at a constant rate for a cow's week of readings (raw, hourly) and the herd summary; the herd app's herd and cow pages (p95); query plans.", GatewayBenchmark.Run),
        ["detection"] = ("Readings per second through the detection rules (HerdDetector), bytes per tracked cow, snapshot size.", DetectionBenchmark.Run),
        ["alert-quality"] = ("The scorecard: the Simulator's herd through the real Processor, alerts scored against ground truth; writes docs/alert-quality.md.", AlertQualityBenchmark.Run),
    };

    public static async Task<int> Run(string[] args)
    {
        if (args.Length == 0 || !Benchmarks.TryGetValue(args[0], out var benchmark))
        {
            Console.Error.WriteLine("usage: dotnet run -c Release --project tests/CowHealth.Benchmarks -- <benchmark> [options]");
            foreach (var (name, (description, _)) in Benchmarks)
            {
                Console.Error.WriteLine($"  {name,-10} {description}");
            }

            return 2;
        }

        MachineDescription.Print(Console.Out);
        await benchmark.Run(args[1..]);
        return 0;
    }
}
