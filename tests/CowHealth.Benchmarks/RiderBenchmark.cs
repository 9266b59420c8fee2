using System.Diagnostics;
using System.Text.Json;
using Confluent.Kafka;
using CowHealth.Contracts;
using CowHealth.EmbeddedKafka;
using CowHealth.KafkaRider;
using CowHealth.KafkaRider.Registration;
using MassTransit;

namespace CowHealth.Benchmarks;

/// <summary>
/// How much the rider costs over a bare consume loop. One embedded broker holds the same readings
/// for every contestant; each reads them all in a fresh consumer group. Rates are timed from the
/// moment the consumer subscribes (the broker is set up with no initial rebalance delay, so the
/// group join costs every contestant the same fraction of a second): timing from the first message
/// instead would only time the draining of whatever librdkafka had prefetched meanwhile.
/// </summary>
internal static class RiderBenchmark
{
    public static async Task Run(string[] args)
    {
        var count = BenchmarkOptions.Int(args, "messages", 600_000);

        var partitions = BenchmarkOptions.Int(args, "partitions", 48);
        await using var broker = await EmbeddedKafkaBroker.StartAsync(
            new EmbeddedKafkaOptions { ReadingsPartitions = partitions, GroupInitialRebalanceDelay = TimeSpan.Zero });

        var produced = Preload(broker.BootstrapServers, count);
        Console.WriteLine($"preloaded {count:N0} readings (~{produced.Bytes / count} bytes each) on {partitions} partitions at {produced.Rate:N0} msg/s");

        // Contestants take turns, round after round, so a busy moment on the machine hits them all alike.
        var rounds = BenchmarkOptions.Int(args, "rounds", 3);
        List<double> raws = [], storing = [], singles = [], batches = [];
        for (var round = 1; round <= rounds; round++)
        {
            raws.Add(RawConsumeLoop(broker.BootstrapServers, count, $"bench-raw-{round}", storeOffsets: false));
            storing.Add(RawConsumeLoop(broker.BootstrapServers, count, $"bench-raw-store-{round}", storeOffsets: true));
            singles.Add(await RiderRate(broker.BootstrapServers, count, batches: false, $"bench-single-{round}"));
            batches.Add(await RiderRate(broker.BootstrapServers, count, batches: true, $"bench-batch-{round}"));
            Console.WriteLine($"round {round}: raw {raws[^1]:N0}, raw storing offsets {storing[^1]:N0}, rider single {singles[^1]:N0}, " +
                $"rider batch {batches[^1]:N0} msg/s; batch/raw {batches[^1] / raws[^1]:P0}");
        }

        var (raw, single, batch) = (Median(raws), Median(singles), Median(batches));
        Console.WriteLine($"median of {rounds} rounds:");
        Console.WriteLine($"  raw Confluent consume loop (no work, auto-commit):               {raw:N0} msg/s");
        Console.WriteLine($"  raw loop storing each offset after its (empty) work:             {Median(storing):N0} msg/s");
        Console.WriteLine($"  rider, single dispatch into a MassTransit consumer:              {single:N0} msg/s ({single / raw:P0} of raw)");
        Console.WriteLine($"  rider, batch dispatch (up to 1,000 / 10 ms per partition):      {batch:N0} msg/s ({batch / raw:P0} of raw)");
        // The ratio is taken within each round (same machine moment), then the median over rounds.
        var ratio = Median(raws.Zip(batches, (r, b) => b / r).ToList());
        Console.WriteLine($"headline rider-batch-vs-raw: {ratio * 100:0} %");
    }

    private static (double Rate, long Bytes) Preload(string bootstrapServers, int count)
    {
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig
        {
            BootstrapServers = bootstrapServers,
            EnableIdempotence = true,
            LingerMs = 50,
            BatchNumMessages = 10_000,
        }).Build();
        var typeInfo = CowHealthJson.Default.SensorReading;
        long bytes = 0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var reading = new SensorReading(Guid.NewGuid(), $"F01-C{i % 5_000:D4}", "F01", $"B{i % 5_000:D6}",
                DateTimeOffset.UnixEpoch.AddMinutes(10 * (i / 5_000)), 39.12, 1.234, 4.5, 12.5, 6.25);
            var value = JsonSerializer.SerializeToUtf8Bytes(reading, typeInfo);
            bytes += value.Length;
            while (true)
            {
                try
                {
                    producer.Produce(Topics.Readings, new Message<string, byte[]> { Key = reading.CowId, Value = value });
                    break;
                }
                catch (ProduceException<string, byte[]> ex) when (ex.Error.Code == ErrorCode.Local_QueueFull)
                {
                    producer.Poll(TimeSpan.FromMilliseconds(10));
                }
            }
        }

        producer.Flush(TimeSpan.FromMinutes(2));
        return (count / clock.Elapsed.TotalSeconds, bytes);
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static double RawConsumeLoop(string bootstrapServers, int count, string group, bool storeOffsets)
    {
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = group,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = true,
            EnableAutoOffsetStore = !storeOffsets,
        }).Build();
        var clock = Stopwatch.StartNew();
        consumer.Subscribe(Topics.Readings);
        for (var seen = 0; seen < count;)
        {
            var record = consumer.Consume(TimeSpan.FromSeconds(30)) ?? throw new TimeoutException("The raw consumer stalled.");
            if (storeOffsets)
            {
                consumer.StoreOffset(record);
            }

            seen++;
        }

        var rate = count / clock.Elapsed.TotalSeconds;
        consumer.Close();
        return rate;
    }

    private static async Task<double> RiderRate(string bootstrapServers, int count, bool batches, string group)
    {
        var counter = new MessageCounter(count);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kafka:BootstrapServers"] = bootstrapServers,
        });
        builder.Services.AddSingleton(counter);
        builder.Services.AddMassTransit(bus =>
        {
            bus.UsingInMemory();
            bus.AddRider(rider =>
            {
                rider.AddConsumer<CountingConsumer>();
                rider.AddConsumer<CountingBatchConsumer>();
                rider.UsingKafka((context, kafka) =>
                {
                    if (batches)
                    {
                        kafka.TopicBatchEndpoint<SensorReading>(Topics.Readings, group, new TopicBatchLimits(1_000, TimeSpan.FromMilliseconds(10)),
                            e => e.ConfigureConsumer<CountingBatchConsumer>(context));
                    }
                    else
                    {
                        kafka.TopicEndpoint<SensorReading>(Topics.Readings, group, e => e.ConfigureConsumer<CountingConsumer>(context));
                    }
                });
            });
        });
        using var host = builder.Build();
        counter.Start();
        await host.StartAsync();
        var rate = await counter.Rate.WaitAsync(TimeSpan.FromMinutes(5));
        await host.StopAsync();
        return rate;
    }

    /// <summary>Counts what the consumers got and times it from the start of the host to the last message.</summary>
    private sealed class MessageCounter(int expected)
    {
        private readonly TaskCompletionSource<double> _rate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long _started;
        private int _seen;

        public Task<double> Rate => _rate.Task;

        public void Start() => _started = Stopwatch.GetTimestamp();

        public void Add(int messages)
        {
            if (Interlocked.Add(ref _seen, messages) >= expected)
            {
                _rate.TrySetResult(expected / Stopwatch.GetElapsedTime(Interlocked.Read(ref _started)).TotalSeconds);
            }
        }
    }

    private sealed class CountingConsumer(MessageCounter counter) : IConsumer<SensorReading>
    {
        public Task Consume(ConsumeContext<SensorReading> context)
        {
            counter.Add(1);
            return Task.CompletedTask;
        }
    }

    private sealed class CountingBatchConsumer(MessageCounter counter) : IConsumer<TopicBatch<SensorReading>>
    {
        public Task Consume(ConsumeContext<TopicBatch<SensorReading>> context)
        {
            counter.Add(context.Message.Count);
            return Task.CompletedTask;
        }
    }
}
