using System.Globalization;
using Confluent.Kafka;
using CowHealth.EmbeddedKafka;
using CowHealth.ServiceDefaults;
using CowHealth.Simulator;
using CowHealth.Simulator.FakeApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CowHealth.Tests.Simulator;

/// <summary>
/// The Simulator service on its own, as its Program.cs composes it: real Kestrel on 127.0.0.1
/// with an ephemeral port, producing into its own embedded Kafka broker.
/// </summary>
internal sealed class SimulatorHost : IAsyncDisposable
{
    public const int ReadingsPartitions = 4;

    private readonly EmbeddedKafkaBroker _broker;
    private readonly WebApplication _app;

    private SimulatorHost(EmbeddedKafkaBroker broker, WebApplication app)
    {
        _broker = broker;
        _app = app;
        Url = new Uri(app.Urls.First());
        Http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Url { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    public string KafkaBootstrapServers => _broker.BootstrapServers;

    public static async Task<SimulatorHost> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var broker = await EmbeddedKafkaBroker.StartAsync(new EmbeddedKafkaOptions { ReadingsPartitions = ReadingsPartitions, GroupInitialRebalanceDelay = TimeSpan.Zero });
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions
            {
                ApplicationName = "CowHealth.Simulator",
                ContentRootPath = AppContext.BaseDirectory,
            });
            builder.Configuration.Sources.Clear();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Warning",
                ["Urls"] = "http://127.0.0.1:0",
                ["Kafka:BootstrapServers"] = broker.BootstrapServers,
                ["Kafka:ClientId"] = "cowhealth-simulator-spec",
            }.Concat(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))));
            builder.AddServiceDefaults();
            builder.AddSimulator();
            var app = builder.Build();
            app.MapServiceDefaults();
            app.MapFakeApi();
            await app.StartAsync();
            return new SimulatorHost(broker, app);
        }
        catch
        {
            await broker.DisposeAsync();
            throw;
        }
    }

    /// <summary>Settings for a backfill of a small herd, starting at <paramref name="start"/>.</summary>
    public static Dictionary<string, string> Backfill(DateTimeOffset start, double days, int cows) => new()
    {
        ["Herd:CowsPerFarm"] = cows.ToString(CultureInfo.InvariantCulture),
        ["Simulation:Mode"] = "Backfill",
        ["Simulation:StartAt"] = start.ToString("O"),
        ["Simulation:BackfillDays"] = days.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Reads every record on the readings topic from the beginning, without a consumer group.</summary>
    public List<ConsumeResult<string, byte[]>> ConsumeReadings(int expected, TimeSpan patience)
    {
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = KafkaBootstrapServers,
            GroupId = "simulator-spec",
            EnableAutoCommit = false,
        }).Build();
        consumer.Assign(Enumerable.Range(0, ReadingsPartitions)
            .Select(p => new TopicPartitionOffset(Contracts.Topics.Readings, p, Offset.Beginning)));
        var records = new List<ConsumeResult<string, byte[]>>();
        var deadline = DateTime.UtcNow + patience;
        while (records.Count < expected && DateTime.UtcNow < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { IsPartitionEOF: false } record)
            {
                records.Add(record);
            }
        }

        return records;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _broker.DisposeAsync();
    }
}
