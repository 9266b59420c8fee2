using System.Globalization;
using System.Net;
using System.Net.Sockets;
using CowHealth.EmbeddedKafka;
using CowHealth.Gateway.Herd;
using CowHealth.Gateway.Readings;
using CowHealth.Simulator.Herd;
using CowHealth.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CowHealth.Benchmarks;

/// <summary>
/// The Gateway's read side over ten million stored readings: a throwaway PostgreSQL filled by binary
/// COPY with the Simulator's herd (1,000 cows × 70 days at 10-minute intervals), the Gateway started
/// as its own process on 127.0.0.1, then a constant request rate per endpoint with its latency
/// percentiles, the herd app's herd and cow pages at a constant rate of page views, and the query
/// plans PostgreSQL chose for the Gateway's own queries.
/// </summary>
internal static class GatewayBenchmark
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    public static async Task Run(string[] args)
    {
        var cows = BenchmarkOptions.Int(args, "cows", 1_000);
        var days = BenchmarkOptions.Int(args, "days", 70);
        var rate = BenchmarkOptions.Int(args, "rate", 200);
        var pageViews = BenchmarkOptions.Int(args, "page-views", 20);
        var seconds = BenchmarkOptions.Int(args, "seconds", 60);

        var herd = new HerdModel(Options.Create(new HerdOptions { Farms = Math.Max(1, cows / 100), CowsPerFarm = Math.Min(cows, 100), Seed = 7 }));
        var end = herd.AlignDownToInterval(DateTimeOffset.UtcNow);
        var start = end.AddDays(-days);
        Console.WriteLine($"herd: {herd.Cows.Count:N0} cows on {herd.Cows.Select(c => c.FarmId).Distinct().Count()} farms, {days} days to {end:yyyy-MM-dd HH:mm} UTC");

        var postgres = new ThrowawayPostgres();
        await postgres.InitializeAsync();
        try
        {
            var database = await postgres.CreateDatabaseAsync("bench_gateway");
            await using (var db = StoredHistory.Context(database))
            {
                await db.Database.MigrateAsync();
            }

            var readings = await StoredHistory.CopyReadings(database, herd, start, end);
            var (alerts, open) = await StoredHistory.Alerts(database, herd, start, end);
            // What autovacuum would do to a table this size, done now, and flushed: the load then meets a settled database.
            await Execute(database, "VACUUM ANALYZE");
            await Execute(database, "CHECKPOINT");
            Console.WriteLine($"stored: {readings:N0} readings, {alerts:N0} alerts ({open:N0} open); {await Sizes(database)}");

            var random = new Random(5);
            var cowIds = herd.Cows.Select(c => c.CowId).ToArray();
            string Window(int _)
            {
                var from = start + TimeSpan.FromMinutes(10 * random.Next((int)((end - start - Week).TotalMinutes / 10)));
                return $"/api/cows/{cowIds[random.Next(cowIds.Length)]}/readings?from={Time(from)}&to={Time(from + Week)}";
            }

            var raw = Enumerable.Range(0, rate * seconds).Select(Window).ToArray();
            var hourly = Enumerable.Range(0, rate * seconds).Select(i => Window(i) + "&resolution=Hourly").ToArray();
            await PrintPlans(database, end, cowIds[cowIds.Length / 2]);

            await using var broker = await EmbeddedKafkaBroker.StartAsync(new EmbeddedKafkaOptions());
            await using var gateway = await GatewayProcess.StartAsync(LoopbackPort.Free(), new Dictionary<string, string>
            {
                ["Storage:Provider"] = "Postgres",
                ["Storage:ConnectionString"] = database,
                ["Kafka:BootstrapServers"] = broker.BootstrapServers,
                ["Logging:LogLevel:Default"] = "Warning",
            });
            using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan }) { BaseAddress = gateway.Url };

            var idleBefore = gateway.CpuTime;
            await Task.Delay(TimeSpan.FromSeconds(5));
            var idlePerSecond = (gateway.CpuTime - idleBefore).TotalMilliseconds / 5;
            Console.WriteLine($"Gateway idle (its Kafka clients, timers): {idlePerSecond:N1} ms CPU per second");
            // Windows of their own for the warm-up, so the measured requests find no page it left in the cache.
            var warmUp = BenchmarkOptions.Int(args, "warm-up", 60);
            var warmUpWindows = Enumerable.Range(0, rate * warmUp).Select(Window).ToArray();
            Console.WriteLine($"warm-up: {warmUp} s at {rate}/s over the three endpoints");
            await ConstantRateLoad.Run(http, i => (i % 3) switch { 0 => warmUpWindows[i], 1 => warmUpWindows[i] + "&resolution=Hourly", _ => "/api/herd/summary" },
                rate, TimeSpan.FromSeconds(warmUp));
            // The pages' first renders compile their components: warm them on cows the measured views rarely ask for first.
            await ConstantRateLoad.Run(http, i => i % 2 == 0 ? "/" : $"/cows/{cowIds[(i * 7) % cowIds.Length]}?days=7", pageViews, TimeSpan.FromSeconds(Math.Min(warmUp, 20)));

            var duration = TimeSpan.FromSeconds(seconds);
            // The herd app's pages as a phone asks for them: the HTML the server renders (the scripts,
            // styles and plotly.js are static files a browser caches after its first page).
            var cowPages = Enumerable.Range(0, pageViews * seconds).Select(_ => $"/cows/{cowIds[random.Next(cowIds.Length)]}?days=7").ToArray();
            var herdPage = await Measure("GET / (herd page: every farm, action list)", gateway, idlePerSecond, http, _ => "/", pageViews, duration);
            var cowPage = await Measure("GET /cows/{cowId}?days=7 (cow page, 7-day hourly charts)", gateway, idlePerSecond, http, i => cowPages[i], pageViews, duration);

            var rawResult = await Measure("GET /api/cows/{cowId}/readings, 7 days raw", gateway, idlePerSecond, http, i => raw[i], rate, duration);
            var hourlyResult = await Measure("GET /api/cows/{cowId}/readings, 7 days hourly", gateway, idlePerSecond, http, i => hourly[i], rate, duration);
            var summaryResult = await Measure("GET /api/herd/summary", gateway, idlePerSecond, http, _ => "/api/herd/summary", rate, duration);

            Console.WriteLine($"headline gateway-readings-raw-p99-ms: {rawResult.P99:0.0}");
            Console.WriteLine($"headline gateway-readings-hourly-p99-ms: {hourlyResult.P99:0.0}");
            Console.WriteLine($"headline gateway-herd-summary-p99-ms: {summaryResult.P99:0.0}");
            Console.WriteLine($"headline app-herd-p95-ms: {herdPage.P95:0.0}");
            Console.WriteLine($"headline app-cow-p95-ms: {cowPage.P95:0.0}");
        }
        finally
        {
            await postgres.DisposeAsync();
        }
    }

    /// <summary>
    /// One endpoint at the constant rate, with the Gateway's CPU per request beside the latencies:
    /// that figure holds however busy the machine is, the latencies do not.
    /// </summary>
    private static async Task<LoadResult> Measure(
        string name, GatewayProcess gateway, double idleCpuPerSecond, HttpClient http, Func<int, string> request, int rate, TimeSpan duration)
    {
        var loadBefore = LoadAverage();
        var cpuBefore = gateway.CpuTime;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await ConstantRateLoad.Run(http, request, rate, duration);
        var cpu = (gateway.CpuTime - cpuBefore).TotalMilliseconds - (idleCpuPerSecond * clock.Elapsed.TotalSeconds);
        Console.WriteLine($"{name}: {result}; Gateway CPU {cpu / result.Requests:N2} ms per request beyond idle " +
            $"(1-min load average {loadBefore} before, {LoadAverage()} after)");
        return result;
    }

    /// <summary>
    /// The plans of the queries behind the three measured endpoints, on the data just stored. The
    /// windows lie a month back, as most of the measured ones do, where few pages are in PostgreSQL's buffers.
    /// </summary>
    private static async Task PrintPlans(string database, DateTimeOffset end, string cowId)
    {
        var plans = new QueryPlans(database);
        var to = end.AddDays(-30).UtcDateTime;
        var explained = new (string Name, Func<Storage.CowHealthDb, Task> Query)[]
        {
            ("readings, 7 days raw", db => ReadingQueries.Raw(db, cowId, to - Week, to).ToListAsync()),
            ("readings, 7 days hourly", db => ReadingQueries.Buckets(db, cowId, to.AddDays(-20) - Week, to.AddDays(-20), ReadingResolution.Hourly).ToListAsync()),
            ("herd summary (four queries)", db => HerdSummaryQuery.Run(db, null, end, TimeSpan.FromHours(2), CancellationToken.None)),
        };
        foreach (var (name, query) in explained)
        {
            Console.WriteLine($"--- plan: {name}");
            foreach (var plan in await plans.Explain(query))
            {
                Console.WriteLine(plan);
                Console.WriteLine();
            }
        }

    }

    private static async Task<string> Sizes(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT pg_size_pretty(pg_table_size('readings')), pg_size_pretty(pg_indexes_size('readings')), current_setting('shared_buffers')", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return $"readings table {reader.GetString(0)}, its indexes {reader.GetString(1)}, shared_buffers {reader.GetString(2)}";
    }

    private static async Task Execute(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}
