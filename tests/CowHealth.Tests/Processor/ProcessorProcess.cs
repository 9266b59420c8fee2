using System.Net;
using CowHealth.Tests.Infrastructure;

namespace CowHealth.Tests.Processor;

/// <summary>The Processor as its own operating-system process (<see cref="ServiceProcess"/>), with its readiness and metrics.</summary>
public sealed class ProcessorProcess : IDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly ServiceProcess _process;

    private ProcessorProcess(ServiceProcess process) => _process = process;

    /// <param name="settings">Configuration beyond the defaults here, as environment variables (<c>Kafka__StalledAfter</c>).</param>
    public static ProcessorProcess Start(string bootstrapServers, string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["Kafka__BootstrapServers"] = bootstrapServers,
            // A killed member's session must end soon, or the embedded broker holds the group's rebalance for it.
            ["Kafka__SessionTimeout"] = "00:00:03",
            ["Kafka__CommitInterval"] = "00:00:00.200",
            ["Storage__Provider"] = "Postgres",
            ["Storage__ConnectionString"] = connectionString,
            ["Storage__MigrateOnStart"] = "true",
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        return new ProcessorProcess(ServiceProcess.Start("Processor", environment));
    }

    public bool HasExited => _process.HasExited;

    /// <summary>What <c>/health/ready</c> answers (Healthy, Degraded or Unhealthy), or null while the Processor does not answer.</summary>
    public async Task<string?> Readiness()
    {
        try
        {
            using var response = await Http.GetAsync(new Uri(_process.Address, "/health/ready"));
            var body = await response.Content.ReadAsStringAsync();
            return response.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable ? body : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>The Processor's <c>/metrics</c>, or null while it does not answer.</summary>
    public async Task<ScrapedMetrics?> Metrics()
    {
        try
        {
            return ScrapedMetrics.Parse(await Http.GetStringAsync(new Uri(_process.Address, "/metrics")));
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>SIGKILL: the process gets no chance to finish anything.</summary>
    public void Kill() => _process.Kill();

    public void Dispose() => _process.Dispose();
}
