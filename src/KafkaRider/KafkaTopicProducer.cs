using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Confluent.Kafka;
using CowHealth.Contracts;

namespace CowHealth.KafkaRider;

internal sealed class KafkaTopicProducer<T>(SharedKafkaProducer shared, string topic, TimeProvider clock) : ITopicProducer<T>
    where T : class, ICowMessage
{
    private static readonly JsonTypeInfo<T> TypeInfo = (JsonTypeInfo<T>)CowHealthJson.Default.GetTypeInfo(typeof(T))!;
    private static readonly byte[] TypeName = Encoding.UTF8.GetBytes(typeof(T).Name);

    public Task Produce(T message, CancellationToken cancellationToken = default) =>
        shared.Producer.ProduceAsync(topic, ToRecord(message), cancellationToken);

    public Task ProduceMany(IReadOnlyCollection<T> messages, CancellationToken cancellationToken = default)
    {
        var deliveries = new List<Task>(messages.Count);
        foreach (var message in messages)
        {
            deliveries.Add(shared.Producer.ProduceAsync(topic, ToRecord(message), cancellationToken));
        }

        return Task.WhenAll(deliveries);
    }

    private Message<string, byte[]> ToRecord(T message) => new()
    {
        Key = message.CowId,
        Value = JsonSerializer.SerializeToUtf8Bytes(message, TypeInfo),
        Headers = new Headers
        {
            { MessageHeaders.MessageType, TypeName },
            { MessageHeaders.SchemaVersion, Encoding.UTF8.GetBytes(message.SchemaVersion.ToString(CultureInfo.InvariantCulture)) },
            { MessageHeaders.MessageId, Encoding.UTF8.GetBytes(Guid.NewGuid().ToString()) },
            { MessageHeaders.SentTime, Encoding.UTF8.GetBytes(clock.GetUtcNow().ToString("O")) },
        },
    };
}
