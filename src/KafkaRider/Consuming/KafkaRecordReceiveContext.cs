using Confluent.Kafka;
using MassTransit;
using MassTransit.Serialization;
using MassTransit.Transports;

namespace CowHealth.KafkaRider.Consuming;

/// <summary>
/// One Kafka record (or one batch of them) entering MassTransit's receive pipeline. The rider has
/// already deserialized the value with the project's strict JSON settings, so the context carries
/// the finished message as its <see cref="ConsumeContext"/> and MassTransit's deserializer is skipped.
/// </summary>
internal sealed class KafkaRecordReceiveContext<TMessage> : BaseReceiveContext
    where TMessage : class
{
    private readonly ConsumeResult<string, byte[]> _record;

    public KafkaRecordReceiveContext(
        ReceiveEndpointContext endpoint, ConsumeResult<string, byte[]> record, TMessage message, bool redelivered)
        : base(redelivered, endpoint)
    {
        _record = record;
        Body = new BytesMessageBody(record.Message.Value);
        HeaderProvider = new KafkaHeaderProvider(record.Message.Headers);
        var messageContext = new KafkaRecordMessageContext(record, this);
        var serializerContext = new DeserializedSerializerContext<TMessage>(message, messageContext);
        var consumeContext = new KafkaRecordConsumeContext(this, serializerContext);
        AddOrUpdatePayload<ConsumeContext>(() => consumeContext, _ => consumeContext);
    }

    public override MessageBody Body { get; }

    protected override IHeaderProvider HeaderProvider { get; }

    public TopicPartitionOffset TopicPartitionOffset => _record.TopicPartitionOffset;
}
