using System.Globalization;
using System.Text.RegularExpressions;
using CowHealth.Contracts;
using CowHealth.LocalRun;
using CowHealth.Simulator.Herd;
using CowHealth.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CowHealth.Tests.Observability;

/// <summary>
/// What each service's <c>/metrics</c> shows when the three share a process, as in the local run:
/// each its own traffic under stable names, counted from start-up, and nothing that names a cow.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class ServiceMetrics_Specs(ThrowawayPostgres postgres)
{
    private static readonly DateTimeOffset BackfillStart = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly HerdOptions Herd = new() { Farms = 2, CowsPerFarm = 3, Seed = 7 };
    private const double BackfillDays = 0.125;

    private static readonly string[] ProcessWideNames = ["process_cpu_seconds_total", "dotnet_collection_count_total"];
    private static readonly string[] ProcessWidePrefixes = ["system_runtime_", "masstransit_"];
    private static readonly string[] LabelsThatNameOneThing = ["cow", "cow_id", "cowid", "alert", "alert_id", "reading", "reading_id", "sensor_id", "key"];

    [Fact]
    public async Task Each_service_shows_its_own_counts_from_start_up_under_clean_names_and_the_process_once()
    {
        var database = await postgres.CreateDatabaseAsync(nameof(ServiceMetrics_Specs));
        await using var run = await new LocalRunBuilder()
            .WithPostgres(database)
            .With("Herd:Farms", Herd.Farms.ToString(CultureInfo.InvariantCulture))
            .With("Herd:CowsPerFarm", Herd.CowsPerFarm.ToString(CultureInfo.InvariantCulture))
            .With("Herd:Seed", Herd.Seed.ToString(CultureInfo.InvariantCulture))
            .With("Simulation:Mode", "Backfill")
            .With("Simulation:StartAt", BackfillStart.ToString("O"))
            .With("Simulation:BackfillDays", BackfillDays.ToString(CultureInfo.InvariantCulture))
            .StartAsync();
        var sent = ReadingsTheHerdSends();
        await Eventually.Until(async () => await StoredReadings(database) == sent ? "all" : null, TimeSpan.FromSeconds(60), $"{sent} readings stored");
        foreach (var service in Services(run))
        {
            using var http = new HttpClient { BaseAddress = service.Url };
            await http.GetAsync("/health/live");
        }

        // The first scrape of each service comes only now, after everything was counted.
        var processor = await Eventually.Until(
            async () => await ScrapedMetrics.From(run.ProcessorUrl) is var m && m.Sum("cowhealth_kafka_consumed", ("topic", Topics.Readings)) == sent ? m : null,
            TimeSpan.FromSeconds(30), "the Processor's consumed count to include every reading");
        var simulator = await ScrapedMetrics.From(run.SimulatorUrl);
        var gateway = await ScrapedMetrics.From(run.GatewayUrl);

        Assert.Equal(sent, processor.Sum("cowhealth_processor_readings_ingested"));
        Assert.Equal(sent, simulator.Sum("cowhealth_simulator_readings_produced"));
        Assert.Equal(sent, simulator.Sum("cowhealth_kafka_produced", ("topic", Topics.Readings)));
        Assert.False(processor.Has("cowhealth_simulator_readings_produced"), "the Processor shows no simulator metric");
        Assert.Equal(0, processor.Sum("cowhealth_kafka_produced", ("topic", Topics.Readings)));
        Assert.DoesNotContain(gateway.Names, n => n.StartsWith("cowhealth_kafka_", StringComparison.Ordinal) || n.StartsWith("cowhealth_processor_", StringComparison.Ordinal));
        Assert.Equal(sent, processor.Sum("cowhealth_processor_readings_produced_to_stored_seconds_count"));
        Assert.Equal(sent, processor.Sum("cowhealth_processor_readings_measured_to_stored_seconds_count"));
        Assert.True(processor.Has("cowhealth_processor_readings_produced_to_stored_seconds_bucket"), "the latency histogram's buckets");
        Assert.True(processor.Has("cowhealth_processor_alerts_open"), "the open alerts gauge");

        Assert.All(ProcessWideNames, name => Assert.True(processor.Has(name), $"the Processor shows {name}"));
        Assert.All(ProcessWidePrefixes, prefix => Assert.Contains(processor.Names, n => n.StartsWith(prefix, StringComparison.Ordinal)));
        foreach (var (name, other) in new[] { ("Simulator", simulator), ("Gateway", gateway) })
        {
            Assert.All(other.Names, n => Assert.False(
                ProcessWideNames.Contains(n) || ProcessWidePrefixes.Any(p => n.StartsWith(p, StringComparison.Ordinal)),
                $"the {name} shows {n}, which belongs to the shared process"));
            Assert.True(other.Has("http_request_duration_seconds_bucket"), $"the {name} shows its HTTP requests");
        }

        var everything = processor.Series.Concat(simulator.Series).Concat(gateway.Series).ToList();
        Assert.All(everything.Select(s => s.Name).Distinct(), name => Assert.False(RepeatedPrefix().IsMatch(name), $"{name} repeats its meter's name"));
        Assert.All(everything, series => Assert.All(series.Labels, label =>
        {
            Assert.DoesNotContain(label.Key, LabelsThatNameOneThing);
            Assert.False(OneCowOrMessage().IsMatch(label.Value), $"{series.Name} has label {label.Key}=\"{label.Value}\", which names one cow or message");
        }));
    }

    private static long ReadingsTheHerdSends()
    {
        var model = new HerdModel(Options.Create(Herd));
        var intervals = (int)(TimeSpan.FromDays(BackfillDays) / model.SensorInterval);
        return model.Cows.Sum(c => Enumerable.Range(0, intervals).LongCount(n => model.ReadingOf(c, BackfillStart + (n * model.SensorInterval)) is not null));
    }

    private static async Task<long> StoredReadings(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM readings", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private static IEnumerable<(string Name, Uri Url)> Services(CowHealthLocalRun run) =>
        [("Processor", run.ProcessorUrl), ("Simulator", run.SimulatorUrl), ("Gateway", run.GatewayUrl)];

    [GeneratedRegex("^(cowhealth_[a-z]+_cowhealth_|masstransit_messaging_)")]
    private static partial Regex RepeatedPrefix();

    [GeneratedRegex(@"F\d+-C\d+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", RegexOptions.IgnoreCase)]
    private static partial Regex OneCowOrMessage();
}
