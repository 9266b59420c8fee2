using System.Net;
using System.Net.Sockets;
using Confluent.Kafka;
using CowHealth.Contracts;
using CowHealth.EmbeddedKafka;
using Microsoft.Extensions.Logging;

namespace CowHealth.Tests.EmbeddedKafka;

public sealed class EmbeddedKafkaBroker_Specs
{
    // One consumer per group here, so there is nobody to wait for before the first rebalance.
    private static readonly EmbeddedKafkaOptions Quick = new() { GroupInitialRebalanceDelay = TimeSpan.Zero };

    [Fact]
    public async Task Creates_the_four_topics_with_the_configured_partition_counts()
    {
        await using var broker = await EmbeddedKafkaBroker.StartAsync(Quick with { ReadingsPartitions = 7, OtherTopicPartitions = 2 });

        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = broker.BootstrapServers }).Build();
        var metadata = admin.GetMetadata(KafkaRoundTrip.Patience);

        var partitionsByTopic = metadata.Topics.ToDictionary(topic => topic.Topic, topic => topic.Partitions.Count);
        Assert.Equal(7, partitionsByTopic[Topics.Readings]);
        Assert.Equal(2, partitionsByTopic[Topics.Alerts]);
        Assert.Equal(2, partitionsByTopic[Topics.Commands]);
        Assert.Equal(2, partitionsByTopic[Topics.ReadingsDeadLetter]);
    }

    [Fact]
    public async Task A_reading_produced_with_acks_all_is_consumed_back_by_a_group_consumer_with_its_key_and_value()
    {
        await using var broker = await EmbeddedKafkaBroker.StartAsync(Quick);

        var consumed = await KafkaRoundTrip.ProduceAndConsumeAsync(broker.BootstrapServers, Topics.Readings, "cow-0042", """{"temperatureCelsius":39.1}""");

        Assert.Equal("cow-0042", consumed.Message.Key);
        Assert.Equal("""{"temperatureCelsius":39.1}""", consumed.Message.Value);
    }

    [Fact]
    public async Task Clients_bootstrapped_at_the_fixed_port_produce_and_consume_through_it()
    {
        var port = LoopbackPort.Free();
        await using var broker = await EmbeddedKafkaBroker.StartAsync(Quick with { FixedPort = port });

        Assert.True(broker.IsOnFixedPort);
        Assert.Equal($"127.0.0.1:{port}", broker.BootstrapServers);
        // Clients connect to the advertised address after bootstrapping, so it must be the fixed one too.
        using (var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = broker.BootstrapServers }).Build())
            Assert.Equal(port, Assert.Single(admin.GetMetadata(KafkaRoundTrip.Patience).Brokers).Port);
        var consumed = await KafkaRoundTrip.ProduceAndConsumeAsync($"127.0.0.1:{port}", Topics.Commands, "cow-0007", "acknowledge");
        Assert.Equal("acknowledge", consumed.Message.Value);
    }

    [Fact]
    public async Task Falls_back_to_an_ephemeral_address_and_warns_when_the_fixed_port_is_taken()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var takenPort = ((IPEndPoint)squatter.LocalEndpoint).Port;
        var log = new RecordingLogger();

        await using var broker = await EmbeddedKafkaBroker.StartAsync(Quick with { FixedPort = takenPort }, log);

        Assert.False(broker.IsOnFixedPort);
        Assert.NotEqual($"127.0.0.1:{takenPort}", broker.BootstrapServers);
        Assert.Contains(log.Entries, entry => entry.Level == LogLevel.Warning && entry.Message.Contains($"127.0.0.1:{takenPort} (the port is already in use)"));
        var consumed = await KafkaRoundTrip.ProduceAndConsumeAsync(broker.BootstrapServers, Topics.Alerts, "cow-0013", "fever");
        Assert.Equal("fever", consumed.Message.Value);
    }

    [Fact]
    public async Task A_producer_keeps_its_message_through_a_short_broker_outage()
    {
        await using var broker = await EmbeddedKafkaBroker.StartAsync(Quick);
        broker.CreateTopic("outage-spec", partitions: 1);
        using var producer = KafkaRoundTrip.NewProducer(broker.BootstrapServers);
        await producer.ProduceAsync("outage-spec", new Message<string, string> { Key = "cow-0001", Value = "before" }).WaitAsync(KafkaRoundTrip.Patience);

        broker.SetBrokerDown(1);
        var duringOutage = producer.ProduceAsync("outage-spec", new Message<string, string> { Key = "cow-0001", Value = "during" });
        await Task.Delay(TimeSpan.FromSeconds(1)); // the length of the outage, not a synchronisation
        Assert.False(duringOutage.IsCompleted, "the broker was down, yet the message was acknowledged");
        broker.SetBrokerUp(1);

        var delivery = await duringOutage.WaitAsync(KafkaRoundTrip.Patience);
        Assert.Equal(PersistenceStatus.Persisted, delivery.Status);
        Assert.Equal(1, delivery.Offset.Value);
    }

    [Fact]
    public async Task Refuses_a_fixed_port_for_more_than_one_broker()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => EmbeddedKafkaBroker.StartAsync(new EmbeddedKafkaOptions { BrokerCount = 3, FixedPort = 9092 }));

        Assert.Equal(nameof(EmbeddedKafkaOptions.FixedPort), error.ParamName);
    }
}
