using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Confluent.Kafka;
using CowHealth.Contracts;

namespace CowHealth.KafkaRider.Producing;

/// <summary>Serializes one contract with the shared JSON settings and sends it keyed by cow id.</summary>
internal sealed class KafkaTopicProducer<T>(SharedKafkaProducer shared, string topic, TimeProvider clock) : ITopicProducer<T>
    where T : class, ICowMessage
{
    private static readonly JsonTypeInfo<T> TypeInfo = (JsonTypeInfo<T>)CowHealthJson.Default.GetTypeInfo(typeof(T))!;

    public Task Produce(T message, CancellationToken cancellationToken = default) =>
        shared.Send(topic, ToRecord(message), cancellationToken);

    public Task ProduceMany(IReadOnlyCollection<T> messages, CancellationToken cancellationToken = default) =>
        shared.SendMany(topic, messages.Select(ToRecord), cancellationToken);

    private Message<string, byte[]> ToRecord(T message) => new()
    {
        Key = message.CowId,
        Value = JsonSerializer.SerializeToUtf8Bytes(message, TypeInfo),
        Headers = MessageHeaders.For(typeof(T).FullName!, message.SchemaVersion, Guid.NewGuid(), message.CorrelationId, clock.GetUtcNow()),
    };
}
