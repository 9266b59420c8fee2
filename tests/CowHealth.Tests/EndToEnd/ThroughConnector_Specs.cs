using System.Net.Http.Json;
using CowHealth.Tests.Infrastructure;

namespace CowHealth.Tests.EndToEnd;

/// <summary>
/// The seed-shaped pipeline: the Simulator serves its Fake API only, a Connector polls it into
/// Kafka, the Processor detects, the Gateway shows. A fever injected through the Fake API becomes
/// an alert at the Gateway with no reading produced by the Simulator itself.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ThroughConnector_Specs : IAsyncLifetime
{
    /// <summary>Simulated minutes per wall-clock second: a day of history in 6 s; 60 days of catch-up outlast the spec.</summary>
    private const int Pace = 240;

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("cowhealth-connector-");

    [Fact]
    public async Task A_fever_injected_through_the_fake_api_reaches_the_gateway_through_the_connector()
    {
        await using var run = await new LocalRunBuilder()
            .With("LocalRun:ThroughConnector", "true")
            .With("Connector:PollInterval", "00:00:00.200")
            .With("Storage:Provider", "Sqlite")
            .With("Storage:ConnectionString", $"Data Source={Path.Combine(_folder.FullName, "connector.db")}")
            .With("Herd:Farms", "2")
            .With("Herd:CowsPerFarm", "3")
            .With("Conditions:Spontaneous", "false")
            .With("Simulation:Mode", "Accelerated")
            .With("Simulation:CatchUpDays", "60")
            .With("Simulation:SimulatedMinutesPerSecond", Pace.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .StartAsync();
        using var gateway = new HttpClient { BaseAddress = run.GatewayUrl, Timeout = TimeSpan.FromSeconds(30) };
        using var simulator = new HttpClient { BaseAddress = run.SimulatorUrl, Timeout = TimeSpan.FromSeconds(30) };
        // Rules compare a cow with her own normal only after a day of history with every hour seen.
        await Eventually.Until(
            async () =>
            {
                using var response = await gateway.GetAsync("/api/cows/F01-C0002");
                return response.IsSuccessStatusCode && await response.Content.ReadFromJsonAsync<CowBody>() is { Baselines.Warm: true } cow ? cow : null;
            },
            TimeSpan.FromSeconds(120), "cow F01-C0002's normal to be learned from readings the Connector brought");

        using (var injected = await simulator.PostAsJsonAsync("/api/scenarios", new { cowId = "F01-C0002", condition = "Fever", durationHours = 48, severity = 1.0 }))
        {
            Assert.True(injected.IsSuccessStatusCode, $"the Fake API took the fever: {(int)injected.StatusCode} {await injected.Content.ReadAsStringAsync()}");
        }

        var alert = await Eventually.Until(
            async () => (await gateway.GetFromJsonAsync<AlertsBody>("/api/alerts?cowId=F01-C0002&condition=Fever"))!.Items.FirstOrDefault(),
            TimeSpan.FromSeconds(120), "a Fever alert for F01-C0002 at the Gateway");

        Assert.Equal("F01-C0002", alert.CowId);
        var connector = await ScrapedMetrics.From(run.ConnectorUrl!);
        var simulatorMetrics = await ScrapedMetrics.From(run.SimulatorUrl);
        Assert.True(connector.Sum("cowhealth_connector_readings_produced") > 0, "the readings came through the Connector");
        Assert.True(connector.Sum("cowhealth_kafka_produced") > 0, "the Connector's producer sent them");
        Assert.Equal(0, simulatorMetrics.Sum("cowhealth_kafka_produced"));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
        return Task.CompletedTask;
    }

    private sealed record CowBody(string CowId, BaselinesBody? Baselines);

    private sealed record BaselinesBody(bool Warm);

    private sealed record AlertsBody(List<AlertBody> Items);

    private sealed record AlertBody(Guid AlertId, string CowId);
}
