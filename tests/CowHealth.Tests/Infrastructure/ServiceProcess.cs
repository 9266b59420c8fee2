using System.Diagnostics;

namespace CowHealth.Tests.Infrastructure;

/// <summary>
/// A CowHealth service as its own operating-system process (its built dll beside the tests), on a
/// free loopback port, so a test can kill it the hard way: SIGKILL, no shutdown hooks, no flushing,
/// as a power cut would.
/// </summary>
public sealed class ServiceProcess : IDisposable
{
    private readonly Process _process;

    private ServiceProcess(Process process, Uri address) => (_process, Address) = (process, address);

    public Uri Address { get; }

    public bool HasExited => _process.HasExited;

    /// <param name="service">The service's name: <c>Processor</c> runs CowHealth.Processor.dll.</param>
    /// <param name="environment">Its configuration, as environment variables (<c>Kafka__BootstrapServers</c>).</param>
    public static ServiceProcess Start(string service, IEnumerable<KeyValuePair<string, string>> environment)
    {
        var address = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, $"CowHealth.{service}.dll")])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["Urls"] = address.ToString();
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start the {service}.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServiceProcess(process, address);
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
