using System.Diagnostics;

namespace CowHealth.Tests.Observability;

/// <summary>Runs a command-line tool (promtool, docker-compose, dotnet) to completion and keeps what it said.</summary>
public static class ExternalTool
{
    /// <param name="environment">Variables set for the tool, over the test's own.</param>
    /// <param name="timeout">How long it may run; two minutes unless given.</param>
    /// <param name="withoutVariablesStartingWith">Variables of the test's own environment the tool must not inherit.</param>
    public static async Task<ToolRun> RunAsync(
        string tool, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null, IReadOnlyList<string>? withoutVariablesStartingWith = null)
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

        foreach (var inherited in start.Environment.Keys.Where(name => withoutVariablesStartingWith?.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) == true).ToList())
        {
            start.Environment.Remove(inherited);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"{tool} did not start; ./test.sh installs the tools the tests run from Debian (prometheus, docker-compose, binutils).");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} {string.Join(' ', start.ArgumentList)} did not finish within {(timeout ?? TimeSpan.FromMinutes(2)).TotalMinutes:0.#} min.");
        }
        return new ToolRun($"{tool} {string.Join(' ', start.ArgumentList)}", process.ExitCode, await output + await errors) { StandardOutput = await output };
    }
}

/// <summary>How a tool run ended, and everything it printed, for assertion messages.</summary>
public sealed record ToolRun(string Command, int ExitCode, string Output)
{
    /// <summary>What the tool printed on standard output alone (<see cref="Output"/> adds standard error).</summary>
    public string StandardOutput { get; init; } = Output;

    public override string ToString() => $"`{Command}` exited with {ExitCode}:\n{Output}";
}
