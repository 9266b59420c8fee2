using System.Buffers;
using System.Diagnostics;

namespace CowHealth.Benchmarks;

/// <summary>
/// An open-loop load generator: requests leave at a fixed rate whether or not earlier ones have
/// answered, and each latency is measured from the moment its request was due, not from when it
/// was sent. So a slow answer cannot hide the requests queued behind it (no coordinated omission),
/// which a closed-loop tool such as wrk (Debian ships wrk, not the constant-rate wrk2) would.
/// </summary>
internal static class ConstantRateLoad
{
    public static async Task<LoadResult> Run(HttpClient http, Func<int, string> request, int perSecond, TimeSpan duration)
    {
        var total = (int)(perSecond * duration.TotalSeconds);
        var latencies = new double[total];
        var failures = 0;
        var inFlight = new List<Task>(total);
        var start = Stopwatch.GetTimestamp();
        var ticksPerRequest = Stopwatch.Frequency / (double)perSecond;
        for (var i = 0; i < total; i++)
        {
            var due = start + (long)(i * ticksPerRequest);
            while (Stopwatch.GetTimestamp() < due)
            {
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                // Sleep the bulk of the wait, spin the last millisecond: timers on Linux are about 1 ms coarse.
                if (wait > TimeSpan.FromMilliseconds(1.5))
                {
                    await Task.Delay(wait - TimeSpan.FromMilliseconds(1));
                }
                else
                {
                    Thread.SpinWait(50);
                }
            }

            var index = i;
            var url = request(i);
            inFlight.Add(Task.Run(async () =>
            {
                var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
                try
                {
                    // The body is read to its end through a pooled buffer, not into one array: a week of raw
                    // readings is about 240 KB, and buffering each answer on the large object heap would put
                    // this process's garbage collections into the latencies it measures.
                    using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
                    await using var body = await response.Content.ReadAsStreamAsync();
                    while (await body.ReadAsync(buffer) > 0)
                    {
                    }

                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    // Refused, broken or timed out (HttpClient's timeout): a failure, with the time it took.
                    Interlocked.Increment(ref failures);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }

                latencies[index] = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
            }));
        }

        await Task.WhenAll(inFlight);
        var elapsed = Stopwatch.GetElapsedTime(start);
        Array.Sort(latencies);
        return new LoadResult(total, failures, total / elapsed.TotalSeconds,
            Percentile(latencies, 0.50), Percentile(latencies, 0.90), Percentile(latencies, 0.95), Percentile(latencies, 0.99), latencies[^1]);
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}

/// <summary>What one run of <see cref="ConstantRateLoad"/> measured, in milliseconds.</summary>
internal sealed record LoadResult(int Requests, int Failures, double AchievedPerSecond, double P50, double P90, double P95, double P99, double Max)
{
    public override string ToString() =>
        $"{Requests:N0} requests at {AchievedPerSecond:N0}/s, {Failures} failed: p50 {P50:N1} ms, p90 {P90:N1} ms, p95 {P95:N1} ms, p99 {P99:N1} ms, max {Max:N1} ms";
}
