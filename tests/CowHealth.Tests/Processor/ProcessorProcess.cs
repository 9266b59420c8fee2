using System.Diagnostics;

namespace CowHealth.Tests.Processor;

/// <summary>
/// The Processor as its own operating-system process (the built CowHealth.Processor.dll), so a test
/// can kill it the hard way: SIGKILL, no shutdown hooks, no flushing, as a power cut would.
/// </summary>
public sealed class ProcessorProcess : IDisposable
{
    private readonly Process _process;

    private ProcessorProcess(Process process) => _process = process;

    public static ProcessorProcess Start(string bootstrapServers, string connectionString)
    {
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
        start.Environment["Urls"] = "http://127.0.0.1:0";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the Processor.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ProcessorProcess(process);
    }

    public bool HasExited => _process.HasExited;

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
