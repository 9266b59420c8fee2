using CowHealth.EmbeddedKafka;
using CowHealth.Gateway.Security;
using CowHealth.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace CowHealth.LocalRun;

/// <summary>
/// The whole of CowHealth in one process: an embedded Kafka broker (unless a real one is
/// configured), then the Processor, the Gateway and the Simulator (and, with
/// <see cref="LocalRunOptions.ThroughConnector"/>, a Connector polling the Simulator's Fake API),
/// each a full ASP.NET Core app on its own port, talking to each other only through Kafka and the database.
/// </summary>
public sealed class CowHealthLocalRun : IAsyncDisposable
{
    private const string ProcessWideMetrics = "Metrics:ProcessWide";

    private readonly EmbeddedKafkaBroker? _broker;
    private readonly List<(CowHealthService Service, WebApplication App)> _running = [];

    private CowHealthLocalRun(EmbeddedKafkaBroker? broker, string kafkaBootstrapServers)
    {
        _broker = broker;
        KafkaBootstrapServers = kafkaBootstrapServers;
    }

    public string KafkaBootstrapServers { get; }

    /// <summary>The broker when the run started its own; null when it uses a configured Kafka.</summary>
    public EmbeddedKafkaBroker? EmbeddedBroker => _broker;

    public Uri GatewayUrl => UrlOf(CowHealthService.Gateway);

    public Uri ProcessorUrl => UrlOf(CowHealthService.Processor);

    public Uri SimulatorUrl => UrlOf(CowHealthService.Simulator);

    /// <summary>The Connector's address, or null unless the readings go through it (<see cref="LocalRunOptions.ThroughConnector"/>).</summary>
    public Uri? ConnectorUrl => _running.Any(r => r.Service == CowHealthService.Connector) ? UrlOf(CowHealthService.Connector) : null;

    /// <summary>Whether the Gateway has an API key in <c>Gateway:ApiKeys</c>; without one it refuses every write.</summary>
    public bool GatewayAcceptsWrites =>
        AppOf(CowHealthService.Gateway).Services.GetRequiredService<IOptions<GatewayAccessOptions>>().Value.AcceptsWrites;

    public static async Task<CowHealthLocalRun> StartAsync(
        IConfiguration configuration, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var options = configuration.GetSection(LocalRunOptions.Section).Get<LocalRunOptions>() ?? new LocalRunOptions();
        var logger = loggerFactory.CreateLogger<CowHealthLocalRun>();

        EmbeddedKafkaBroker? broker = null;
        var kafka = configuration["Kafka:BootstrapServers"];
        if (string.IsNullOrWhiteSpace(kafka))
        {
            broker = await EmbeddedKafkaBroker.StartAsync(
                new EmbeddedKafkaOptions
                {
                    FixedPort = options.KafkaPort == 0 ? null : options.KafkaPort,
                    ReadingsPartitions = options.ReadingsPartitions,
                    // Each consumer group here has a single member, so waiting for others to join only delays the start.
                    GroupInitialRebalanceDelay = TimeSpan.Zero,
                },
                loggerFactory.CreateLogger<EmbeddedKafkaBroker>(),
                cancellationToken);
            kafka = broker.BootstrapServers;
        }
        else
        {
            logger.LogInformation("Using the Kafka at {BootstrapServers}", kafka);
        }

        var run = new CowHealthLocalRun(broker, kafka);
        try
        {
            // The Processor starts first: it owns the schema and migrates it before anyone reads.
            // It also shows the process's CPU, memory, GC and MassTransit metrics; the others would
            // only show the same process again and make a dashboard count it three times.
            await run.Start(CowHealthService.Processor, configuration, options.ProcessorUrl, cancellationToken,
                ("Storage:MigrateOnStart", "true"));
            await run.Start(CowHealthService.Gateway, configuration, options.GatewayUrl, cancellationToken,
                (ProcessWideMetrics, "false"));
            await run.Start(CowHealthService.Simulator, configuration, options.SimulatorUrl, cancellationToken,
                (ProcessWideMetrics, "false"), ("FakeApi:ServeOnly", options.ThroughConnector ? "true" : "false"));
            if (options.ThroughConnector)
            {
                await run.Start(CowHealthService.Connector, configuration, options.ConnectorUrl, cancellationToken,
                    (ProcessWideMetrics, "false"), ("Connector:Accounts:simulator:BaseUrl", run.SimulatorUrl.ToString()));
            }

            return run;
        }
        catch
        {
            await run.DisposeAsync();
            throw;
        }
    }

    private async Task Start(
        CowHealthService service, IConfiguration shared, string url, CancellationToken cancellationToken,
        params (string Key, string Value)[] overrides)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = $"CowHealth.{service.Name}",
            ContentRootPath = AppContext.BaseDirectory,
        });

        // Every service sees the local run's configuration, not whichever service's appsettings.json was copied last.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddConfiguration(shared);
        builder.Configuration.AddInMemoryCollection(
            overrides.Select(o => KeyValuePair.Create(o.Key, (string?)o.Value))
                .Append(KeyValuePair.Create("Kafka:BootstrapServers", (string?)KafkaBootstrapServers))
                .Append(KeyValuePair.Create("Kafka:ClientId", (string?)$"cowhealth-{service.Name.ToLowerInvariant()}"))
                .Append(KeyValuePair.Create("Urls", (string?)url)));
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();

        builder.AddServiceDefaults();
        service.Add(builder);
        var app = builder.Build();
        app.MapServiceDefaults();
        service.Map(app);

        await app.StartAsync(cancellationToken);
        _running.Add((service, app));
    }

    private WebApplication AppOf(CowHealthService service) => _running.Single(r => r.Service == service).App;

    private Uri UrlOf(CowHealthService service)
    {
        var app = AppOf(service);
        // With port 0 the bound address is only known now; Kestrel reports it through Urls.
        return new Uri(app.Urls.First().Replace("0.0.0.0", "localhost").Replace("[::]", "localhost"));
    }

    public async ValueTask DisposeAsync()
    {
        // Stop in reverse start order: the Simulator stops producing before the Processor stops consuming.
        for (var i = _running.Count - 1; i >= 0; i--)
        {
            var app = _running[i].App;
            await app.StopAsync();
            await app.DisposeAsync();
        }

        _running.Clear();
        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }
    }
}
