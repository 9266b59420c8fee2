using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Confluent.Kafka;
using CowHealth.Contracts;
using CowHealth.EmbeddedKafka;
using CowHealth.LocalRun;
using CowHealth.Processor;
using CowHealth.Simulator.Conditions;
using CowHealth.Simulator.Herd;
using CowHealth.Storage;
using CowHealth.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace CowHealth.Benchmarks;

/// <summary>
/// The Processor against its storage limit, in one run on one machine: the raw binary-COPY rate of
/// a herd's readings into the readings table, then the Processor's sustained rate through the whole
/// chain (consume, validate, store, detect, saga) for the same readings from the embedded broker,
/// then the produce-to-stored latency while the herd streams at a steady rate.
/// </summary>
internal static class ProcessorBenchmark
{
    public static async Task Run(string[] args)
    {
        var cows = BenchmarkOptions.Int(args, "cows", 1_000);
        var days = BenchmarkOptions.Int(args, "days", 3);
        var steadyRate = BenchmarkOptions.Int(args, "rate", 2_000);
        var steadySeconds = BenchmarkOptions.Int(args, "seconds", 20);

        var herd = new HerdModel(Options.Create(new HerdOptions { Farms = Math.Max(1, cows / 250), CowsPerFarm = Math.Min(cows, 250), Seed = 7 }));
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var readings = Generate(herd, start, TimeSpan.FromDays(days));
        Console.WriteLine($"herd: {herd.Cows.Count:N0} cows, {days} days, {readings.Count:N0} readings");

        // --durable: PostgreSQL waits for the disk as a production server does; both sides of the ratio pay for it.
        var postgres = args.Contains("--durable") ? ThrowawayPostgres.Durably() : new ThrowawayPostgres();
        await postgres.InitializeAsync();
        Console.WriteLine($"postgres: 15, {postgres.Settings}");
        try
        {
            var copyDatabase = await postgres.CreateDatabaseAsync("bench_copy");
            var cpu = CpuTime.Now(postgres.ServerProcessId);
            var copyRate = await CopyRate(copyDatabase, readings);
            var copyCpu = CpuTime.Now(postgres.ServerProcessId) - cpu;
            Console.WriteLine($"raw binary COPY into readings (batches of 5,000):     {copyRate:N0} readings/s");

            await using var broker = await EmbeddedKafkaBroker.StartAsync(
                new EmbeddedKafkaOptions { ReadingsPartitions = 48, GroupInitialRebalanceDelay = TimeSpan.Zero });
            ReadingsOnKafka.Produce(broker.BootstrapServers, readings);
            var database = await postgres.CreateDatabaseAsync("bench_processor");
            cpu = CpuTime.Now(postgres.ServerProcessId);
            using var stored = new StoredReadings();
            await using var run = await StartProcessor(broker.BootstrapServers, database);
            var (ingestRate, fromStart, firstStoredAfter) = await SustainedRate(stored, database, readings.Count);
            var ingestCpu = CpuTime.Now(postgres.ServerProcessId) - cpu;
            Console.WriteLine($"Processor start to first reading stored:            {firstStoredAfter.TotalSeconds:N1} s");
            Console.WriteLine($"Processor, whole chain, counted from its start:     {fromStart:N0} readings/s ({fromStart / copyRate:P0} of COPY)");
            Console.WriteLine($"Processor, whole chain, sustained (48 partitions):  {ingestRate:N0} readings/s ({ingestRate / copyRate:P0} of COPY)");
            Console.WriteLine($"CPU per 1,000 readings, raw COPY:                   {copyCpu.PerThousand(readings.Count)}");
            Console.WriteLine($"CPU per 1,000 readings, whole chain:                {ingestCpu.PerThousand(readings.Count)} (broker and Processor start-up included)");
            Console.WriteLine($"alerts raised from the herd's own conditions:      {await Scalar(database, "SELECT count(*) FROM alerts"):N0}");

            var latencies = new ScrapedLatency(run.ProcessorUrl);
            await latencies.Start();
            var sentAt = new System.Collections.Concurrent.ConcurrentDictionary<(string Cow, DateTimeOffset MeasuredAt), long>();
            var fevers = InjectFevers(herd, start + TimeSpan.FromDays(days));
            Console.WriteLine($"fevers injected into the stream:                   {fevers:N0} (every tenth cow, onsets over its first 3 hours of event time)");
            using var alertWatch = AlertWatch.Start(broker.BootstrapServers, sentAt);
            var streamed = await Stream(broker.BootstrapServers, herd, start + TimeSpan.FromDays(days), steadyRate, steadySeconds, sentAt);
            await stored.WaitFor(readings.Count + streamed);
            await Task.Delay(TimeSpan.FromSeconds(3)); // the relay's last round, so the last alerts are counted too
            var (p50, p99, withinHalfSecond) = await latencies.Percentiles();
            Console.WriteLine($"steady {steadyRate:N0} readings/s for {steadySeconds} s: produce-to-stored p50 {p50 * 1000:N0} ms, p99 {p99 * 1000:N0} ms " +
                $"(the Processor's histogram, interpolated as Prometheus does; {withinHalfSecond:P1} within 500 ms)");
            var alertLatencies = alertWatch.Stop();
            var alertP99 = alertLatencies.Count == 0 ? double.NaN : alertLatencies.Order().ElementAt((int)(alertLatencies.Count * 0.99));
            Console.WriteLine($"confirming reading produced to its AlertRaised on cow-health-alerts: {alertLatencies.Count} alerts, " +
                $"p99 {alertP99:N0} ms, max {(alertLatencies.Count == 0 ? double.NaN : alertLatencies.Max()):N0} ms");

            var memoryCows = BenchmarkOptions.Int(args, "memory-cows", 100_000);
            var bytesPerCow = await MemoryPerTrackedCow(broker.BootstrapServers, stored, readings.Count + streamed, memoryCows);
            Console.WriteLine($"managed memory per tracked cow ({memoryCows:N0} more cows, an hour of readings each): {bytesPerCow:N0} bytes");

            Console.WriteLine($"headline ingest-readings-per-s: {ingestRate:0}");
            Console.WriteLine($"headline ingest-vs-copy: {ingestRate / copyRate * 100:0} %");
            Console.WriteLine($"headline ingest-p99-produced-to-stored-ms: {p99 * 1000:0}");
            Console.WriteLine($"headline alert-p99-confirming-reading-to-event-ms: {alertP99:0}");
            Console.WriteLine($"headline processor-bytes-per-cow: {bytesPerCow:0}");
        }
        finally
        {
            await postgres.DisposeAsync();
        }
    }

    /// <summary>
    /// Fevers for every tenth cow, starting within the stream's first three hours of event time, so
    /// the alert latency is measured on some hundred alerts rather than the few the herd raises by itself.
    /// </summary>
    private static int InjectFevers(HerdModel herd, DateTimeOffset streamStart)
    {
        var injected = 0;
        for (var i = 0; i < herd.Cows.Count; i += 10)
        {
            var onset = streamStart + TimeSpan.FromMinutes(15 + (i / 10 % 18 * 10));
            if (herd.Scenarios.TryInject(herd.Cows[i], HealthCondition.Fever, onset, TimeSpan.FromHours(12), out _) == InjectionOutcome.Recorded)
            {
                injected++;
            }
        }

        return injected;
    }

    /// <summary>
    /// The Processor's managed heap before and after it starts tracking <paramref name="cows"/> more
    /// cows (six readings each), divided by their number. The broker's copy of the readings lives in
    /// native memory and the readings sent are let go before measuring, so neither is counted.
    /// </summary>
    private static async Task<double> MemoryPerTrackedCow(string bootstrapServers, StoredReadings stored, long storedSoFar, int cows)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var sent = SendAnHourOfAnotherHerd(bootstrapServers, cows);
        await stored.WaitFor(storedSoFar + sent);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        return (after - before) / (double)cows;
    }

    /// <summary>Sends an hour of readings of a herd of its own (farm ids start with M) and forgets them.</summary>
    private static int SendAnHourOfAnotherHerd(string bootstrapServers, int cows)
    {
        var herd = new HerdModel(Options.Create(new HerdOptions { Farms = Math.Max(1, cows / 1_000), CowsPerFarm = Math.Min(cows, 1_000), Seed = 11 }));
        var readings = Generate(herd, new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(1))
            .Select(r => r with { CowId = "M" + r.CowId, FarmId = "M" + r.FarmId })
            .ToList();
        ReadingsOnKafka.Produce(bootstrapServers, readings);
        return readings.Count;
    }

    private static List<SensorReading> Generate(HerdModel herd, DateTimeOffset from, TimeSpan span)
    {
        var readings = new List<SensorReading>();
        for (var at = from; at < from + span; at += herd.SensorInterval)
        {
            foreach (var cow in herd.Cows)
            {
                if (herd.ReadingOf(cow, at) is { } reading)
                {
                    readings.Add(reading);
                }
            }
        }

        return readings;
    }

    private static async Task<double> CopyRate(string database, List<SensorReading> readings)
    {
        await using (var db = new PostgresCowHealthDb(new DbContextOptionsBuilder<PostgresCowHealthDb>().UseCowHealthPostgres(database).Options))
        {
            await db.Database.MigrateAsync();
        }

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        var clock = Stopwatch.StartNew();
        foreach (var chunk in readings.Chunk(5_000))
        {
            await using var copy = await connection.BeginBinaryImportAsync(ReadingsCopy.Command);
            var storedAt = DateTime.UtcNow;
            foreach (var r in chunk)
            {
                await ReadingsCopy.WriteRow(copy, r, storedAt);
            }

            await copy.CompleteAsync();
        }

        return readings.Count / clock.Elapsed.TotalSeconds;
    }

    private static Task<CowHealthLocalRun> StartProcessor(string bootstrapServers, string database) =>
        CowHealthLocalRun.StartAsync(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Warning",
                ["Kafka:BootstrapServers"] = bootstrapServers,
                ["Storage:Provider"] = "Postgres",
                ["Storage:ConnectionString"] = database,
                ["Simulation:Mode"] = "Backfill",
                ["Simulation:BackfillDays"] = "0",
                ["LocalRun:GatewayUrl"] = "http://127.0.0.1:0",
                ["LocalRun:ProcessorUrl"] = "http://127.0.0.1:0",
                ["LocalRun:SimulatorUrl"] = "http://127.0.0.1:0",
            }).Build(),
            NullLoggerFactory.Instance,
            CancellationToken.None);

    /// <summary>
    /// The Processor's sustained rate: readings stored per second from the first stored batch to
    /// the last, so the host's one-off start-up (JIT, EF Core model, migrations, joining the group)
    /// does not count against it; also the rate counted from its start (when <paramref name="stored"/>
    /// was made), and how long start-up took. Then a check that the table really holds them all.
    /// </summary>
    private static async Task<(double Sustained, double FromStart, TimeSpan FirstStoredAfter)> SustainedRate(
        StoredReadings stored, string database, int expected)
    {
        await stored.WaitFor(1);
        var first = stored.FirstStoredAt;
        var firstBatch = stored.Count;
        await stored.WaitFor(expected);
        var end = stored.Elapsed;
        await ExpectInTable(database, expected);
        return ((expected - firstBatch) / (end - first).TotalSeconds, expected / end.TotalSeconds, first);
    }

    private static async Task ExpectInTable(string database, long expected)
    {
        var inTable = await Scalar(database, "SELECT count(*) FROM readings");
        if (inTable != expected)
        {
            throw new InvalidOperationException($"The Processor reported {expected:N0} readings stored, the table holds {inTable:N0}.");
        }
    }

    /// <summary>Streams the herd's next readings at a steady rate (in wall-clock time), as live boluses would arrive.</summary>
    private static async Task<int> Stream(
        string bootstrapServers, HerdModel herd, DateTimeOffset from, int perSecond, int seconds,
        System.Collections.Concurrent.ConcurrentDictionary<(string Cow, DateTimeOffset MeasuredAt), long> sentAt)
    {
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = bootstrapServers, EnableIdempotence = true, LingerMs = 5 }).Build();
        var sent = 0;
        var clock = Stopwatch.StartNew();
        var at = from;
        var queue = new Queue<SensorReading>();
        while (clock.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            var due = (int)(clock.Elapsed.TotalSeconds * perSecond);
            for (; sent < due; sent++)
            {
                if (queue.Count == 0)
                {
                    foreach (var cow in herd.Cows)
                    {
                        if (herd.ReadingOf(cow, at) is { } reading)
                        {
                            queue.Enqueue(reading);
                        }
                    }

                    at += herd.SensorInterval;
                }

                var next = queue.Dequeue();
                sentAt[(next.CowId, next.MeasuredAt)] = Stopwatch.GetTimestamp();
                producer.Produce(Topics.Readings, new Message<string, byte[]>
                {
                    Key = next.CowId, Value = JsonSerializer.SerializeToUtf8Bytes(next, CowHealthJson.Default.SensorReading),
                });
            }

            await Task.Delay(5);
        }

        producer.Flush(TimeSpan.FromSeconds(30));
        return sent;
    }

    private static async Task<long> Scalar(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>
    /// Reads cow-health-alerts while the herd streams and times each AlertRaised from the moment the
    /// reading that confirmed it (same cow, measured-at = the alert's time) was produced.
    /// </summary>
    private sealed class AlertWatch : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly List<double> _milliseconds = [];
        private readonly Task _loop;

        private AlertWatch(string bootstrapServers, System.Collections.Concurrent.ConcurrentDictionary<(string Cow, DateTimeOffset MeasuredAt), long> sentAt)
        {
            _loop = Task.Factory.StartNew(() =>
            {
                using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
                {
                    BootstrapServers = bootstrapServers,
                    GroupId = "bench-alert-watch",
                    AutoOffsetReset = AutoOffsetReset.Latest,
                    FetchWaitMaxMs = 10,
                }).Build();
                consumer.Subscribe(Topics.Alerts);
                while (!_stop.IsCancellationRequested)
                {
                    if (consumer.Consume(TimeSpan.FromMilliseconds(100)) is not { } record
                        || !record.Message.Headers.TryGetLastBytes("message-type", out var type)
                        || !System.Text.Encoding.UTF8.GetString(type).EndsWith(nameof(AlertRaised), StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var raised = JsonSerializer.Deserialize(record.Message.Value, CowHealthJson.Default.AlertRaised)!;
                    if (sentAt.TryGetValue((raised.CowId, raised.OccurredAt), out var produced))
                    {
                        lock (_milliseconds)
                        {
                            _milliseconds.Add(Stopwatch.GetElapsedTime(produced).TotalMilliseconds);
                        }
                    }
                }

                consumer.Close();
            }, TaskCreationOptions.LongRunning);
        }

        public static AlertWatch Start(string bootstrapServers, System.Collections.Concurrent.ConcurrentDictionary<(string Cow, DateTimeOffset MeasuredAt), long> sentAt) =>
            new(bootstrapServers, sentAt);

        public List<double> Stop()
        {
            _stop.Cancel();
            _loop.Wait();
            lock (_milliseconds)
            {
                return [.. _milliseconds];
            }
        }

        public void Dispose() => _stop.Dispose();
    }

    /// <summary>
    /// The Processor's produced-to-stored histogram as Prometheus scrapes it from its <c>/metrics</c>:
    /// the readings stored between <see cref="Start"/> and <see cref="Percentiles"/>, with their
    /// quantiles interpolated within a bucket as <c>histogram_quantile</c> does, so the benchmark
    /// reports what the pipeline dashboard shows.
    /// </summary>
    private sealed class ScrapedLatency(Uri processor)
    {
        private IReadOnlyList<(double UpperBound, double Count)> _atStart = [];

        public async Task Start() => _atStart = await Buckets();

        public async Task<(double P50, double P99, double WithinHalfSecond)> Percentiles()
        {
            var atEnd = await Buckets();
            var buckets = atEnd.Select((bucket, i) => (bucket.UpperBound, Count: bucket.Count - _atStart[i].Count)).ToList();
            var total = buckets[^1].Count;
            return (Quantile(0.5, buckets), Quantile(0.99, buckets), buckets.Single(b => b.UpperBound == 0.5).Count / total);
        }

        private static double Quantile(double q, List<(double UpperBound, double Count)> cumulative)
        {
            var rank = q * cumulative[^1].Count;
            var (lower, below) = (0.0, 0.0);
            foreach (var (upper, count) in cumulative)
            {
                if (count >= rank)
                {
                    return double.IsPositiveInfinity(upper) ? lower : lower + ((upper - lower) * (rank - below) / (count - below));
                }

                (lower, below) = (upper, count);
            }

            return double.NaN;
        }

        /// <summary>The cumulative bucket counts, in the order of their bounds (+Inf last).</summary>
        private async Task<IReadOnlyList<(double UpperBound, double Count)>> Buckets()
        {
            var scrape = await ScrapedMetrics.From(processor);
            return [.. scrape.Series
                .Where(series => series.Name == ProcessorMetrics.ProducedToStoredName + "_bucket")
                .Select(series => series.Labels["le"] is var bound && bound == "+Inf"
                    ? (UpperBound: double.PositiveInfinity, series.Value)
                    : (UpperBound: double.Parse(bound, CultureInfo.InvariantCulture), series.Value))
                .OrderBy(bucket => bucket.UpperBound)];
        }
    }
}
