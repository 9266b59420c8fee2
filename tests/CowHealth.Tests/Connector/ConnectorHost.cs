using CowHealth.Connector;
using CowHealth.EmbeddedKafka;
using CowHealth.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace CowHealth.Tests.Connector;

/// <summary>
/// The Connector service as its Program.cs composes it, in this process: real Kestrel on an ephemeral
/// port, an embedded broker of its own, its positions in a SQLite file it migrates, every log line kept.
/// </summary>
internal sealed class ConnectorHost : IAsyncDisposable
{
    private readonly EmbeddedKafkaBroker _broker;
    private readonly WebApplication _app;
    private readonly DirectoryInfo _folder;

    private ConnectorHost(EmbeddedKafkaBroker broker, WebApplication app, DirectoryInfo folder, RecordingLoggerProvider log)
    {
        _broker = broker;
        _app = app;
        _folder = folder;
        Log = log;
        Url = new Uri(app.Urls.First());
    }

    public Uri Url { get; }

    public RecordingLoggerProvider Log { get; }

    public static async Task<ConnectorHost> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var folder = Directory.CreateTempSubdirectory("cowhealth-connector-");
        var broker = await EmbeddedKafkaBroker.StartAsync(new EmbeddedKafkaOptions { GroupInitialRebalanceDelay = TimeSpan.Zero });
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions
            {
                ApplicationName = "CowHealth.Connector",
                ContentRootPath = AppContext.BaseDirectory,
            });
            builder.Configuration.Sources.Clear();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Urls"] = "http://127.0.0.1:0",
                ["Kafka:BootstrapServers"] = broker.BootstrapServers,
                ["Storage:Provider"] = "Sqlite",
                ["Storage:ConnectionString"] = $"Data Source={Path.Combine(folder.FullName, "connector.db")}",
                ["Storage:MigrateOnStart"] = "true",
            }.Concat(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))));
            var log = new RecordingLoggerProvider();
            builder.Logging.ClearProviders();
            builder.Logging.SetMinimumLevel(LogLevel.Trace);
            builder.Logging.AddProvider(log);
            builder.AddServiceDefaults();
            builder.AddConnector();
            var app = builder.Build();
            app.MapServiceDefaults();
            await app.StartAsync();
            return new ConnectorHost(broker, app, folder, log);
        }
        catch
        {
            await broker.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _broker.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
