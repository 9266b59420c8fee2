using Confluent.Kafka;

namespace CowHealth.Tests.EmbeddedKafka;

/// <summary>Real Confluent.Kafka clients, configured the way the services configure theirs.</summary>
internal static class KafkaRoundTrip
{
    /// <summary>Long enough for a group join (about 3 s on the mock) on a busy CI machine.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static IProducer<string, string> NewProducer(string bootstrapServers) =>
        new ProducerBuilder<string, string>(new ProducerConfig
        {
            BootstrapServers = bootstrapServers,
            EnableIdempotence = true,
            Acks = Acks.All,
        }).Build();

    public static IConsumer<string, string> NewGroupConsumer(string bootstrapServers) =>
        new ConsumerBuilder<string, string>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = "spec-" + Guid.NewGuid().ToString("N"),
            AutoOffsetReset = AutoOffsetReset.Earliest,
        }).Build();

    public static async Task<DeliveryResult<string, string>> ProduceAsync(string bootstrapServers, string topic, string key, string value)
    {
        using var producer = NewProducer(bootstrapServers);
        return await producer.ProduceAsync(topic, new Message<string, string> { Key = key, Value = value }).WaitAsync(Patience);
    }

    /// <summary>Waits for the group assignment and the first message instead of sleeping.</summary>
    public static ConsumeResult<string, string> ConsumeFirst(string bootstrapServers, string topic)
    {
        using var consumer = NewGroupConsumer(bootstrapServers);
        consumer.Subscribe(topic);
        try
        {
            return consumer.Consume(Patience)
                ?? throw new TimeoutException($"No message arrived on {topic} at {bootstrapServers} within {Patience}.");
        }
        finally
        {
            consumer.Close();
        }
    }

    /// <summary>Produces one message and consumes it back through a consumer group.</summary>
    public static async Task<ConsumeResult<string, string>> ProduceAndConsumeAsync(string bootstrapServers, string topic, string key, string value)
    {
        var delivery = await ProduceAsync(bootstrapServers, topic, key, value);
        Assert.Equal(PersistenceStatus.Persisted, delivery.Status);
        return ConsumeFirst(bootstrapServers, topic);
    }
}
