using System.Diagnostics;
using System.Globalization;
using CowHealth.EmbeddedKafka;
using CowHealth.Simulator;
using CowHealth.Simulator.Publishing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CowHealth.Benchmarks.Simulator;

/// <summary>
/// The Simulator service's own backfill, as <c>AddSimulator</c> composes it, into an embedded broker:
/// generated, serialized, sent and acknowledged. Nobody consumes, so the broker keeps only the newest
/// 5 MiB of each partition and silently drops the rest; that costs the producer nothing.
/// </summary>
internal static class ProduceRun
{
    public static async Task<RunResult> Measure(int cows, double days, int partitions, DateTimeOffset start)
    {
        await using var broker = await EmbeddedKafkaBroker.StartAsync(new EmbeddedKafkaOptions { ReadingsPartitions = partitions });
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Kafka:BootstrapServers"] = broker.BootstrapServers,
            ["Kafka:ClientId"] = "simulator-benchmark",
            ["Herd:Farms"] = "10",
            ["Herd:CowsPerFarm"] = (cows / 10).ToString(CultureInfo.InvariantCulture),
            ["Simulation:Mode"] = "Backfill",
            ["Simulation:StartAt"] = start.ToString("O"),
            ["Simulation:BackfillDays"] = days.ToString(CultureInfo.InvariantCulture),
        });
        builder.AddSimulator();
        using var host = builder.Build();
        var publisher = host.Services.GetServices<IHostedService>().OfType<ReadingPublisher>().Single();

        await using var memory = new PeakMemory();
        var clock = Stopwatch.StartNew();
        await host.StartAsync();
        await publisher.ExecuteTask!;
        clock.Stop();
        var readings = host.Services.GetRequiredService<SimulatorMetrics>().ReadingsProduced;
        var result = new RunResult(BackfillRun.GenerateAndProduce, days, readings, clock.Elapsed.TotalSeconds, PeakMemory.PeakResidentBytes, memory.PeakManagedHeapBytes);
        await host.StopAsync();
        return result;
    }
}
