using CowHealth.Tests.Infrastructure;

namespace CowHealth.Tests.Connector;

/// <summary>The Connector as its own operating-system process (<see cref="ServiceProcess"/>), storing its positions in PostgreSQL.</summary>
public static class ConnectorProcess
{
    /// <param name="settings">Configuration as environment variables (<c>Connector__Accounts__farm__BaseUrl</c>).</param>
    public static ServiceProcess Start(string bootstrapServers, string connectionString, IReadOnlyDictionary<string, string> settings) =>
        ServiceProcess.Start("Connector", new Dictionary<string, string>
        {
            ["Kafka__BootstrapServers"] = bootstrapServers,
            ["Kafka__ClientId"] = "cowhealth-connector-spec",
            ["Storage__Provider"] = "Postgres",
            ["Storage__ConnectionString"] = connectionString,
            ["Storage__MigrateOnStart"] = "true",
        }.Concat(settings));
}
