using System.Diagnostics;

namespace CowHealth.Tests.Observability;

/// <summary>Runs a command-line tool (promtool, docker-compose) to completion and keeps what it said.</summary>
public static class ExternalTool
{
    public static async Task<ToolRun> RunAsync(
        string tool, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(tool)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"{tool} did not start; on Debian: apt-get install prometheus docker-compose (./test.sh does).");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new ToolRun($"{tool} {string.Join(' ', start.ArgumentList)}", process.ExitCode, await output + await errors);
    }
}

/// <summary>How a tool run ended, and everything it printed, for assertion messages.</summary>
public sealed record ToolRun(string Command, int ExitCode, string Output)
{
    public override string ToString() => $"`{Command}` exited with {ExitCode}:\n{Output}";
}
