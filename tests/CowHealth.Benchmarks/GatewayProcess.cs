using System.Diagnostics;

namespace CowHealth.Benchmarks;

/// <summary>
/// The Gateway as its own process (its Program.cs, its server GC, its appsettings.json), built next
/// to this benchmark, so the load generator's allocations and threads do not run inside the process measured.
/// </summary>
internal sealed class GatewayProcess : IAsyncDisposable
{
    private readonly Process _process;

    private GatewayProcess(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>CPU the Gateway process has used so far, all its threads together.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static async Task<GatewayProcess> StartAsync(int port, IReadOnlyDictionary<string, string> settings)
    {
        var dll = GatewayAssembly();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add($"--Urls=http://127.0.0.1:{port}");
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the Gateway.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"gateway: {e.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var gateway = new GatewayProcess(process, new Uri($"http://127.0.0.1:{port}"));
        await gateway.WaitUntilLive();
        return gateway;
    }

    private async Task WaitUntilLive()
    {
        using var http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The Gateway exited with code {_process.ExitCode} while starting.");
            }

            try
            {
                if ((await http.GetAsync("/health/live")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (deadline.Elapsed < TimeSpan.FromSeconds(60))
            {
            }

            await Task.Delay(200);
        }
    }

    /// <summary>src/Gateway's build output of the same configuration as this benchmark's.</summary>
    private static string GatewayAssembly()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var framework = here.Name;
        var configuration = here.Parent!.Name;
        for (var dir = here; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CowHealth.sln")))
            {
                var dll = Path.Combine(dir.FullName, "src", "Gateway", "bin", configuration, framework, "CowHealth.Gateway.dll");
                return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build the Gateway first ({dll} is missing).");
            }
        }

        throw new DirectoryNotFoundException("Run the benchmark from inside the repository.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
