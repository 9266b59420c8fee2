using CowHealth.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CowHealth.LocalRun;

/// <summary>The banner that tells a first-time user where everything is.</summary>
internal static class WhereToLook
{
    public static void Print(CowHealthLocalRun run, IConfiguration configuration, TextWriter output)
    {
        var gateway = Base(run.GatewayUrl);
        var simulator = Base(run.SimulatorUrl);
        output.WriteLine();
        output.WriteLine("CowHealth is running. Press Ctrl+C to stop.");
        output.WriteLine($"  Herd app             {gateway}/   (open it in a browser or on a phone)");
        output.WriteLine(run.GatewayAcceptsWrites
            ? $"  Sign in              {gateway}/sign-in with a key from Gateway:ApiKeys, to acknowledge alerts"
            : "  Sign in              needs an API key: --Gateway:ApiKeys:<client-name>=<key of 16+ characters>");
        output.WriteLine($"  Cows (REST API)      {gateway}/api/cows");
        output.WriteLine($"  Alerts               {gateway}/api/alerts");
        output.WriteLine($"  API reference        {gateway}/scalar");
        output.WriteLine($"  Live alerts (SSE)    curl -N {gateway}/api/alerts/stream");
        output.WriteLine(run.GatewayAcceptsWrites
            ? $"  Acknowledge alerts   POST {gateway}/api/alerts/{{alertId}}/acknowledge with your key in X-Api-Key"
            : "  Acknowledge alerts   disabled until an API key is set: --Gateway:ApiKeys:<client-name>=<key of 16+ characters>");
        output.WriteLine($"  OpenAPI document     {gateway}/openapi/v1.json");
        output.WriteLine($"  Metrics              {gateway}/metrics  {Base(run.ProcessorUrl)}/metrics  {simulator}/metrics");
        output.WriteLine($"  Simulated herd       {simulator}/api/herd  (conditions given: {simulator}/api/scenarios)");
        if (run.ConnectorUrl is { } connector)
        {
            output.WriteLine($"  Connector            polls {simulator}/api/readings into Kafka; metrics {Base(connector)}/metrics");
        }

        output.WriteLine($"  Kafka                {run.KafkaBootstrapServers}" + (run.EmbeddedBroker is null ? string.Empty : " (embedded broker; kcat -b " + run.KafkaBootstrapServers + " -L)"));
        output.WriteLine($"  Storage              {StorageOf(configuration)}");
        output.WriteLine();
    }

    private static string Base(Uri url) => url.ToString().TrimEnd('/');

    private static string StorageOf(IConfiguration configuration)
    {
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        if (storage.Provider == StorageProvider.Postgres)
        {
            // Never print the password.
            var postgres = new NpgsqlConnectionStringBuilder(storage.ConnectionString) { Password = null };
            return $"PostgreSQL {postgres.Host}:{postgres.Port}/{postgres.Database}";
        }

        return $"SQLite {Path.GetFullPath(new SqliteConnectionStringBuilder(storage.ConnectionString).DataSource)} (delete it to start afresh)";
    }
}
