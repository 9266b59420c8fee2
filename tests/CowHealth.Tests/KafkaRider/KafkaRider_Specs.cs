using System.Text;
using Confluent.Kafka;
using CowHealth.Contracts;
using CowHealth.EmbeddedKafka;
using CowHealth.KafkaRider;
using CowHealth.Tests.Gateway;
using CowHealth.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CowHealth.Tests.KafkaRider;

/// <summary>The rider's promises, against the embedded broker over real TCP.</summary>
public sealed class KafkaRider_Specs : IAsyncLifetime
{
    private EmbeddedKafkaBroker _broker = null!;
    private readonly ReceivedReadings _received = new();
    private readonly string _group = "spec-" + Guid.NewGuid().ToString("N")[..8];

    public async Task InitializeAsync() =>
        _broker = await EmbeddedKafkaBroker.StartAsync(new EmbeddedKafkaOptions { ReadingsPartitions = 12, GroupInitialRebalanceDelay = TimeSpan.Zero });

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Each_cows_readings_are_handled_in_order_while_partitions_run_concurrently(bool batches)
    {
        var readings = Readings.Herd(cows: 60, perCow: 40);
        await using var host = await RiderHost.StartAsync(_broker.BootstrapServers, _received, "a", _group, batches, concurrentPartitions: 6);

        await host.Services.GetRequiredService<ITopicProducer<SensorReading>>().ProduceMany(readings);
        await _received.WaitUntil(r => r.DistinctCount == readings.Count, "every reading");

        foreach (var cow in _received.All.GroupBy(r => r.Reading.CowId))
        {
            var sequence = cow.Select(r => Readings.Sequence(r.Reading)).ToList();
            Assert.Equal(Enumerable.Range(0, 40), sequence);
        }
    }

    [Fact]
    public async Task A_consumer_stopped_mid_stream_hands_over_to_the_next_without_losing_a_reading()
    {
        var readings = Readings.Herd(cows: 50, perCow: 60);
        _received.WorkPerReading = TimeSpan.FromMilliseconds(1);
        var first = await RiderHost.StartAsync(_broker.BootstrapServers, _received, "first", _group);
        await first.Services.GetRequiredService<ITopicProducer<SensorReading>>().ProduceMany(readings);
        await _received.WaitUntil(r => r.CountBy("first") >= 300, "the first consumer to be mid-stream");
        await first.DisposeAsync();
        var handledByFirst = _received.DistinctCount;

        await using var second = await RiderHost.StartAsync(_broker.BootstrapServers, _received, "second", _group);
        await _received.WaitUntil(r => r.DistinctCount == readings.Count, "every reading after the hand-over");

        Assert.All(readings, r => Assert.True(_received.Saw(r.ReadingId)));
        Assert.True(handledByFirst < readings.Count, "the first consumer was stopped before the end");
        Assert.True(_received.CountBy("second") > 0);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_poison_record_and_a_reading_that_always_fails_go_to_the_dead_letter_topic_and_the_rest_is_handled(bool batches)
    {
        var failing = Readings.For("cow-000", 1);
        var readings = new List<SensorReading> { Readings.For("cow-000", 0), failing, Readings.For("cow-000", 2), Readings.For("cow-000", 3) };
        _received.AlwaysFail[failing.ReadingId] = true;
        await using var host = await RiderHost.StartAsync(_broker.BootstrapServers, _received, "a", _group, batches);
        var producer = host.Services.GetRequiredService<ITopicProducer<SensorReading>>();

        await producer.ProduceMany(readings[..2]);
        using (var raw = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = _broker.BootstrapServers }).Build())
        {
            await raw.ProduceAsync(Topics.Readings, new Message<string, byte[]> { Key = "cow-000", Value = "{not json"u8.ToArray() });
        }

        await producer.ProduceMany(readings[2..]);
        await _received.WaitUntil(r => r.DistinctCount == 3, "the three good readings");

        var parked = ReadDeadLetters(expected: 2);
        var poison = Assert.Single(parked, r => r.Message.Value.AsSpan().SequenceEqual("{not json"u8));
        Assert.StartsWith("Malformed SensorReading", Header(poison, "dlq-reason"));
        Assert.Equal(Topics.Readings, Header(poison, "dlq-original-topic"));
        Assert.Equal("cow-000", poison.Message.Key);
        Assert.NotNull(Header(poison, "dlq-original-partition"));
        Assert.NotNull(Header(poison, "dlq-original-offset"));
        Assert.NotNull(Header(poison, "dlq-time"));

        var thrown = Assert.Single(parked, r => r != poison);
        Assert.Contains("fails reading", Header(thrown, "dlq-reason"));
        Assert.Equal(typeof(InvalidOperationException).FullName, Header(thrown, "dlq-exception-type"));
        Assert.Equal([0, 2, 3], _received.All.Select(r => Readings.Sequence(r.Reading)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_transient_failure_holds_its_partition_visibly_until_it_passes_and_parks_nothing(bool batches)
    {
        var readings = Enumerable.Range(0, 10).Select(sequence => Readings.For("cow-000", sequence)).ToList();
        _received.DependencyAway = true;
        await using var host = await RiderHost.StartAsync(_broker.BootstrapServers, _received, "a", _group, batches,
            settings: new Dictionary<string, string?> { ["Kafka:StalledAfter"] = "00:00:01", ["Kafka:TransientRetryMax"] = "00:00:00.500" });
        await host.Services.GetRequiredService<ITopicProducer<SensorReading>>().ProduceMany(readings);

        var health = host.Services.GetRequiredService<HealthCheckService>();
        var stalled = await Eventually.Until(async () =>
                (await health.CheckHealthAsync()).Entries["kafka"] is { Status: HealthStatus.Unhealthy } kafka && kafka.Description!.Contains("stalled")
                    ? kafka.Description
                    : null,
            TimeSpan.FromSeconds(30), "readiness to name the stalled partition");
        Assert.Equal(0, _received.DistinctCount);
        _received.DependencyAway = false;

        await _received.WaitUntil(r => r.DistinctCount == readings.Count, "every reading once the failure passed");
        Assert.Contains($"{Topics.Readings}[", stalled);
        Assert.Equal(Enumerable.Range(0, 10), _received.All.Select(r => Readings.Sequence(r.Reading)));
        Assert.Equal(0, TopicRecords.Count(_broker.BootstrapServers, Topics.ReadingsDeadLetter));
        await Eventually.Until(async () => (await health.CheckHealthAsync()).Entries["kafka"].Status == HealthStatus.Healthy ? "healthy" : null,
            TimeSpan.FromSeconds(30), "readiness healthy again");
    }

    [Fact]
    public async Task A_consumer_that_keeps_some_partitions_when_another_joins_mid_stream_loses_none_of_their_readings()
    {
        var readings = Readings.Herd(cows: 60, perCow: 100);
        _received.WorkPerReading = TimeSpan.FromMilliseconds(5);
        await using var first = await RiderHost.StartAsync(_broker.BootstrapServers, _received, "first", _group);
        await first.Services.GetRequiredService<ITopicProducer<SensorReading>>().ProduceMany(readings);
        await _received.WaitUntil(r => r.CountBy("first") >= 300, "the first consumer to be mid-stream");

        // The second member takes half the partitions; the first keeps the rest, with records it had read ahead for them.
        await using var second = await RiderHost.StartAsync(_broker.BootstrapServers, _received, "second", _group);
        await second.HoldsPartitions();
        Assert.True(_received.DistinctCount < readings.Count, "the second consumer joined mid-stream");
        await _received.WaitUntil(r => r.DistinctCount == readings.Count, "every reading after the second consumer joined");

        Assert.True(_received.CountBy("second") > 0, "the second consumer took partitions");
        var keptByFirst = _received.All.Where(r => r.Consumer == "first").Select(r => r.Reading.CowId).ToHashSet();
        Assert.Contains(keptByFirst, cow => _received.All.Where(r => r.Reading.CowId == cow).All(r => r.Consumer == "first"));
        foreach (var cow in readings.Select(r => r.CowId).Distinct())
        {
            // At least once: a partition that moved may repeat what was handled but not yet committed, never skip or reorder.
            var sequences = _received.All.Where(r => r.Reading.CowId == cow).Select(r => Readings.Sequence(r.Reading)).Distinct().ToList();
            Assert.Equal(Enumerable.Range(0, 100), sequences.Order());
        }
    }

    [Fact]
    public async Task Two_consumers_in_one_group_share_the_partitions_and_one_carries_on_when_the_other_leaves()
    {
        var a = await RiderHost.StartAsync(_broker.BootstrapServers, _received, "a", _group);
        await using var b = await RiderHost.StartAsync(_broker.BootstrapServers, _received, "b", _group);
        var producer = b.Services.GetRequiredService<ITopicProducer<SensorReading>>();
        await a.HoldsPartitions();
        await b.HoldsPartitions();

        // Both hold partitions; a round's cows spread over them, but send rounds until both have handled some.
        var sent = 0;
        for (var round = 0; round < 20 && (_received.CountBy("a") == 0 || _received.CountBy("b") == 0); round++)
        {
            var batch = Readings.Herd(cows: 60, perCow: 2);
            await producer.ProduceMany(batch);
            sent += batch.Count;
            await _received.WaitUntil(r => r.DistinctCount == sent, "every reading of this round");
        }

        Assert.True(_received.CountBy("a") > 0 && _received.CountBy("b") > 0, "both consumers had partitions");

        await a.DisposeAsync();
        var bBefore = _received.CountBy("b");
        var after = Readings.Herd(cows: 60, perCow: 10);
        await producer.ProduceMany(after);
        await _received.WaitUntil(r => r.DistinctCount == sent + after.Count, "every reading after one consumer left");

        Assert.All(after, r => Assert.True(_received.Saw(r.ReadingId)));
        Assert.True(_received.CountBy("b") - bBefore >= after.Count, "the remaining consumer took every partition");
    }

    [Fact]
    public async Task A_producer_keeps_every_reading_through_a_five_second_broker_outage()
    {
        var readings = Readings.Herd(cows: 20, perCow: 25);
        await using var host = await RiderHost.StartAsync(_broker.BootstrapServers, _received, "a", _group);
        var producer = host.Services.GetRequiredService<ITopicProducer<SensorReading>>();
        await producer.Produce(Readings.For("warm-up", 0));

        _broker.SetBrokerDown(1);
        var sending = producer.ProduceMany(readings);
        await Task.Delay(TimeSpan.FromSeconds(5)); // the outage itself, not a wait for something to happen
        Assert.False(sending.IsCompleted, "nothing can be acknowledged while the broker is down");
        _broker.SetBrokerUp(1);

        await sending.WaitAsync(TimeSpan.FromSeconds(60));
        await _received.WaitUntil(r => r.DistinctCount == readings.Count + 1, "every reading sent during the outage");
    }

    private List<ConsumeResult<string, byte[]>> ReadDeadLetters(int expected)
    {
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = _broker.BootstrapServers,
            GroupId = "dlq-reader-" + Guid.NewGuid().ToString("N"),
            AutoOffsetReset = AutoOffsetReset.Earliest,
        }).Build();
        consumer.Subscribe(Topics.ReadingsDeadLetter);
        var parked = new List<ConsumeResult<string, byte[]>>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (parked.Count < expected && DateTime.UtcNow < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { } record)
            {
                parked.Add(record);
            }
        }

        consumer.Close();
        Assert.Equal(expected, parked.Count);
        return parked;
    }

    private static string? Header(ConsumeResult<string, byte[]> record, string key) =>
        record.Message.Headers.TryGetLastBytes(key, out var bytes) ? Encoding.UTF8.GetString(bytes) : null;
}
