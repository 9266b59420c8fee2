using CowHealth.LocalRun;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace CowHealth.Tests.Infrastructure;

/// <summary>
/// Starts the whole system in-process the way the local run does, on ephemeral ports and an
/// embedded broker, with settings a test chooses.
/// </summary>
public sealed class LocalRunBuilder
{
    private readonly Dictionary<string, string?> _settings = new()
    {
        ["Logging:LogLevel:Default"] = "Warning",
        ["LocalRun:KafkaPort"] = "0",
        ["LocalRun:GatewayUrl"] = "http://127.0.0.1:0",
        ["LocalRun:ProcessorUrl"] = "http://127.0.0.1:0",
        ["LocalRun:SimulatorUrl"] = "http://127.0.0.1:0",
        ["LocalRun:ConnectorUrl"] = "http://127.0.0.1:0",
    };

    private string? _settingsFile;

    public LocalRunBuilder With(string key, string value)
    {
        _settings[key] = value;
        return this;
    }

    public LocalRunBuilder WithPostgres(string connectionString) =>
        With("Storage:Provider", "Postgres").With("Storage:ConnectionString", connectionString);

    /// <summary>Starts from <c>cowhealth.local.json</c>, the settings <c>dotnet run --project src/LocalRun</c> uses.</summary>
    public LocalRunBuilder WithTheLocalRunsOwnSettings()
    {
        _settingsFile = Path.Combine(AppContext.BaseDirectory, "cowhealth.local.json");
        return this;
    }

    public Task<CowHealthLocalRun> StartAsync() =>
        CowHealthLocalRun.StartAsync(Configuration(), NullLoggerFactory.Instance, CancellationToken.None);

    /// <summary>The settings the run starts with: the local run's file when asked for, then this builder's.</summary>
    public IConfiguration Configuration()
    {
        var configuration = new ConfigurationBuilder();
        if (_settingsFile is not null)
        {
            configuration.AddJsonFile(_settingsFile, optional: false);
        }

        return configuration.AddInMemoryCollection(_settings).Build();
    }
}
