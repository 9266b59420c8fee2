using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using CowHealth.Tests.Infrastructure;

namespace CowHealth.Tests.Observability;

/// <summary>
/// Debian's Prometheus, run on 127.0.0.1 with a copy of observability/prometheus: the same jobs and
/// rules, the targets rewritten to where the test's services listen, scraping every second.
/// </summary>
public sealed class RealPrometheus : IAsyncDisposable
{
    private readonly Process _process;
    private readonly DirectoryInfo _folder;
    private readonly HttpClient _http;
    private readonly StreamWriter _log;

    private RealPrometheus(Process process, DirectoryInfo folder, StreamWriter log, Uri url)
    {
        _process = process;
        _folder = folder;
        _log = log;
        _http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
    }

    public string Log
    {
        get
        {
            using var reader = new FileStream(LogFile(_folder), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return new StreamReader(reader).ReadToEnd();
        }
    }

    /// <param name="targets">Each target address in prometheus.yml (<c>gateway:8080</c>) and where the test's service listens instead.</param>
    public static async Task<RealPrometheus> StartAsync(IReadOnlyDictionary<string, Uri> targets)
    {
        var folder = Directory.CreateTempSubdirectory("cowhealth-prometheus-");
        var source = RepositoryFiles.PathOf("observability", "prometheus");
        var config = await File.ReadAllTextAsync(Path.Combine(source, "prometheus.yml"));
        config = Rewrite(config, "scrape_interval: 15s", "scrape_interval: 1s");
        config = Rewrite(config, "evaluation_interval: 15s", "evaluation_interval: 1s");
        // The Processor's replicas are found through Docker's DNS; here there is one, at a known address.
        config = Rewrite(config, "dns_sd_configs:\n      - names: [\"processor\"]\n        type: A\n        port: 8081",
            "static_configs:\n      - targets: [\"processor:8081\"]");
        foreach (var (address, url) in targets)
        {
            config = Rewrite(config, $"\"{address}\"", $"\"{url.Host}:{url.Port}\"");
        }

        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "prometheus.yml"), config);
        Directory.CreateDirectory(Path.Combine(folder.FullName, "rules"));
        foreach (var rules in Directory.GetFiles(Path.Combine(source, "rules")))
        {
            File.Copy(rules, Path.Combine(folder.FullName, "rules", Path.GetFileName(rules)));
        }

        var port = LoopbackPort.Free();
        var start = new ProcessStartInfo("prometheus")
        {
            ArgumentList =
            {
                $"--config.file={Path.Combine(folder.FullName, "prometheus.yml")}",
                $"--storage.tsdb.path={Path.Combine(folder.FullName, "data")}",
                $"--web.listen-address=127.0.0.1:{port}",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("prometheus did not start; on Debian: apt-get install prometheus (./test.sh does).");
        var log = new StreamWriter(LogFile(folder)) { AutoFlush = true };
        process.ErrorDataReceived += (_, line) => WriteLine(log, line.Data);
        process.OutputDataReceived += (_, line) => WriteLine(log, line.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        var prometheus = new RealPrometheus(process, folder, log, new Uri($"http://127.0.0.1:{port}"));
        try
        {
            await Eventually.Until(
                async () => !process.HasExited && await prometheus.IsReady() ? "ready" : (process.HasExited ? throw new InvalidOperationException($"prometheus exited:\n{prometheus.Log}") : null),
                TimeSpan.FromSeconds(30), "Prometheus to be ready");
            return prometheus;
        }
        catch
        {
            await prometheus.DisposeAsync();
            throw;
        }
    }

    /// <summary>An instant query; the result vector's series.</summary>
    public async Task<JsonArray> Query(string promql) =>
        await Api($"/api/v1/query?query={Uri.EscapeDataString(promql)}");

    /// <summary>A range query, as a Grafana time series panel sends it; the result matrix's series.</summary>
    public async Task<JsonArray> QueryRange(string promql, DateTimeOffset from, DateTimeOffset to, TimeSpan step) =>
        await Api($"/api/v1/query_range?query={Uri.EscapeDataString(promql)}&start={Seconds(from)}&end={Seconds(to)}&step={step.TotalSeconds.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>The value of a query that returns one series, or null when it returns none.</summary>
    public async Task<double?> Scalar(string promql) =>
        (await Query(promql)) is [JsonObject series, ..]
            ? double.Parse((string)series["value"]![1]!, CultureInfo.InvariantCulture)
            : null;

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }

        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // The log may still be closing; the folder is under /tmp.
        }
    }

    private async Task<JsonArray> Api(string path)
    {
        using var response = await _http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Prometheus answered {(int)response.StatusCode} to {Uri.UnescapeDataString(path)}: {body}");
        }

        return JsonNode.Parse(body)!["data"]!["result"]!.AsArray();
    }

    private async Task<bool> IsReady()
    {
        try
        {
            return (await _http.GetAsync("/-/ready")).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static string Rewrite(string config, string from, string to) =>
        config.Contains(from, StringComparison.Ordinal)
            ? config.Replace(from, to, StringComparison.Ordinal)
            : throw new InvalidOperationException($"prometheus.yml no longer has {from}; update the test's rewrite.");

    private static string LogFile(DirectoryInfo folder) => Path.Combine(folder.FullName, "prometheus.log");

    private static void WriteLine(StreamWriter log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }

    private static string Seconds(DateTimeOffset time) => (time.ToUnixTimeMilliseconds() / 1000.0).ToString(CultureInfo.InvariantCulture);
}
