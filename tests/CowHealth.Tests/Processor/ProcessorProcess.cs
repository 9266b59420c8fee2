using System.Diagnostics;
using System.Net;

namespace CowHealth.Tests.Processor;

/// <summary>
/// The Processor as its own operating-system process (the built CowHealth.Processor.dll), so a test
/// can kill it the hard way: SIGKILL, no shutdown hooks, no flushing, as a power cut would.
/// </summary>
public sealed class ProcessorProcess : IDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly Process _process;
    private readonly Uri _address;

    private ProcessorProcess(Process process, Uri address) => (_process, _address) = (process, address);

    /// <param name="settings">Configuration beyond the defaults here, as environment variables (<c>Kafka__StalledAfter</c>).</param>
    public static ProcessorProcess Start(string bootstrapServers, string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        var address = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "CowHealth.Processor.dll")])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["Kafka__BootstrapServers"] = bootstrapServers;
        // A killed member's session must end soon, or the embedded broker holds the group's rebalance for it.
        start.Environment["Kafka__SessionTimeout"] = "00:00:03";
        start.Environment["Kafka__CommitInterval"] = "00:00:00.200";
        start.Environment["Storage__Provider"] = "Postgres";
        start.Environment["Storage__ConnectionString"] = connectionString;
        start.Environment["Storage__MigrateOnStart"] = "true";
        start.Environment["Urls"] = address.ToString();
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the Processor.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ProcessorProcess(process, address);
    }

    public bool HasExited => _process.HasExited;

    /// <summary>What <c>/health/ready</c> answers (Healthy, Degraded or Unhealthy), or null while the Processor does not answer.</summary>
    public async Task<string?> Readiness()
    {
        try
        {
            using var response = await Http.GetAsync(new Uri(_address, "/health/ready"));
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
            return ScrapedMetrics.Parse(await Http.GetStringAsync(new Uri(_address, "/metrics")));
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>SIGKILL: the process gets no chance to finish anything.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }
}
