using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using CowHealth.Contracts;
using CowHealth.Tests.Infrastructure;

namespace CowHealth.Tests.Observability;

/// <summary>
/// The proof of the dashboards: the four services run in one process (as the local run) on
/// PostgreSQL and the embedded broker, a real Prometheus scrapes them with our jobs and rules, and
/// every panel query of every dashboard must return data.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DashboardsOnRealPrometheus_Specs(ThrowawayPostgres postgres)
{
    /// <summary>Conditions that make alerts of several kinds: raised, escalated, resolved, and still open.</summary>
    private static readonly (string Cow, string Condition, int OnsetHour, int Hours)[] Scheduled =
    [
        ("F01-C0001", "Fever", 25, 72),
        ("F01-C0002", "SensorFault", 25, 3),
        ("F02-C0003", "Heat", 26, 14),
        ("F02-C0004", "SensorOffline", 27, 4),
    ];

    [Fact]
    public async Task Every_panel_of_every_dashboard_shows_data_scraped_from_the_running_services()
    {
        var queries = GrafanaDashboards.All().SelectMany(d => d.Queries).ToList();
        var builder = new LocalRunBuilder()
            .WithPostgres(await postgres.CreateDatabaseAsync(nameof(DashboardsOnRealPrometheus_Specs)))
            // Readings take the Connector's way, so its panels have data too: the Simulator serves them, the Connector produces them.
            .With("LocalRun:ThroughConnector", "true")
            .With("Connector:PollInterval", "00:00:00.200")
            .With("Herd:Farms", "2")
            .With("Herd:CowsPerFarm", "5")
            .With("Simulation:Mode", "Accelerated")
            .With("Simulation:CatchUpDays", "2")
            .With("Simulation:SimulatedMinutesPerSecond", "240")
            .With("Metrics:AlertCensusInterval", "00:00:01")
            // A typical fever and heat, so that their alerts come in the few simulated days the spec runs.
            .With("Conditions:FeverRiseCelsius", "1.0")
            .With("Conditions:HeatActivityFactor", "3.0");
        for (var i = 0; i < Scheduled.Length; i++)
        {
            builder.With($"Conditions:Scheduled:{i}:CowId", Scheduled[i].Cow)
                .With($"Conditions:Scheduled:{i}:Condition", Scheduled[i].Condition)
                .With($"Conditions:Scheduled:{i}:OnsetAfterHours", Scheduled[i].OnsetHour.ToString(CultureInfo.InvariantCulture))
                .With($"Conditions:Scheduled:{i}:DurationHours", Scheduled[i].Hours.ToString(CultureInfo.InvariantCulture));
        }

        var from = DateTimeOffset.UtcNow;
        await using var run = await builder.StartAsync();
        await using var prometheus = await RealPrometheus.StartAsync(new Dictionary<string, Uri>
        {
            ["gateway:8080"] = run.GatewayUrl,
            ["processor:8081"] = run.ProcessorUrl,
            ["simulator:8082"] = run.SimulatorUrl,
            ["connector:8083"] = run.ConnectorUrl!,
            // Nothing listens there: the exporters' jobs exist and are down, as in a stack without them.
            ["kafka-exporter:9308"] = new("http://127.0.0.1:9"),
            ["postgres-exporter:9187"] = new("http://127.0.0.1:9"),
        });
        await Eventually.Until(
            async () => await prometheus.Scalar("count(up{job=~\"gateway|processor|simulator|connector\"} == 1)") == 4 ? "up" : null,
            TimeSpan.FromSeconds(30), "Prometheus to scrape the four services");

        using var gateway = new HttpClient { BaseAddress = run.GatewayUrl };
        await UseTheGateway(gateway);
        SendBadRecords(run.KafkaBootstrapServers);

        var raised = Scheduled.Select(s => s.Condition).ToList();
        await Eventually.Until(
            async () =>
                await prometheus.Scalar($"count(sum by (condition) (cowhealth_processor_alert_events{{event=\"raised\", condition=~\"{string.Join('|', raised)}\"}}))") == raised.Count
                && await prometheus.Scalar("sum(cowhealth_processor_readings_rejected)") >= 1
                && await prometheus.Scalar("sum(cowhealth_kafka_dead_lettered{topic=\"cow-health-data\"})") >= 2
                && await prometheus.Scalar("sum(cowhealth_processor_alerts_open)") > 0
                    ? "scraped"
                    : null,
            TimeSpan.FromSeconds(120), $"Prometheus to have scraped alerts raised for {string.Join(", ", raised)} and the dead-lettered records");
        // Again, now that Prometheus has seen each route's series: a rate needs a rise between two samples.
        await UseTheGateway(gateway);
        // A few more scrapes after the last change, so every rate has two samples to work with.
        var seen = DateTimeOffset.UtcNow;
        await Eventually.Until(
            async () => await prometheus.Scalar("max(timestamp(up{job=\"processor\"}))") > seen.ToUnixTimeSeconds() + 3 ? "more" : null,
            TimeSpan.FromSeconds(30), "three more scrapes");

        var to = DateTimeOffset.UtcNow;
        var empty = new List<string>();
        foreach (var query in queries)
        {
            var series = await prometheus.QueryRange(query.Sent, from, to, TimeSpan.FromSeconds(1));
            if (!series.OfType<JsonObject>().Any(HasAFiniteValue))
            {
                empty.Add(query.ToString());
            }
        }

        Assert.True(queries.Count >= 30, $"the dashboards hold {queries.Count} queries");
        Assert.True(empty.Count == 0, $"{empty.Count} of {queries.Count} panel queries returned no data:\n{string.Join('\n', empty)}");
    }

    /// <summary>Requests farm staff make, and mistakes they make: a cow that does not exist is a 404.</summary>
    private static async Task UseTheGateway(HttpClient gateway)
    {
        await gateway.GetAsync("/api/cows");
        await gateway.GetAsync("/api/cows/F01-C0001");
        await gateway.GetAsync("/api/cows/no-such-cow");
    }

    /// <summary>One record that is not JSON and one reading no bolus could send: both end on cow-health-data.dlq.</summary>
    private static void SendBadRecords(string bootstrapServers)
    {
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = bootstrapServers }).Build();
        producer.Produce(Topics.Readings, new Message<string, byte[]> { Key = "F01-C0005", Value = Encoding.UTF8.GetBytes("this is not a reading") });
        var impossible = new SensorReading(
            Guid.NewGuid(), "F01-C0005", "F01", "S-F01-C0005", DateTimeOffset.UtcNow.AddHours(-1), 99.0, 1.0, 5.0, 10.0, null);
        producer.Produce(Topics.Readings, new Message<string, byte[]>
        {
            Key = impossible.CowId,
            Value = JsonSerializer.SerializeToUtf8Bytes(impossible, CowHealthJson.Default.SensorReading),
        });
        producer.Flush(TimeSpan.FromSeconds(10));
    }

    private static bool HasAFiniteValue(JsonObject series) =>
        (series["values"]?.AsArray() ?? []).OfType<JsonArray>()
            .Any(point => double.TryParse((string?)point[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value));
}
