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
    };

    public LocalRunBuilder With(string key, string value)
    {
        _settings[key] = value;
        return this;
    }

    public LocalRunBuilder WithPostgres(string connectionString) =>
        With("Storage:Provider", "Postgres").With("Storage:ConnectionString", connectionString);

    public Task<CowHealthLocalRun> StartAsync() =>
        CowHealthLocalRun.StartAsync(
            new ConfigurationBuilder().AddInMemoryCollection(_settings).Build(),
            NullLoggerFactory.Instance,
            CancellationToken.None);
}
