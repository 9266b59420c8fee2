using Confluent.Kafka;
using MassTransit;

namespace CowHealth.KafkaRider.Consuming;

/// <summary>The message-level facts MassTransit asks for (ids, times, addresses), read from the record's headers.</summary>
internal sealed class KafkaRecordMessageContext(ConsumeResult<string, byte[]> record, ReceiveContext receiveContext) : MessageContext
{
    public Guid? MessageId => GuidHeader(MessageHeaders.MessageId);

    public Guid? RequestId => null;

    public Guid? CorrelationId => GuidHeader(MessageHeaders.CorrelationId);

    public Guid? ConversationId => null;

    public Guid? InitiatorId => null;

    public DateTime? ExpirationTime => null;

    public Uri? SourceAddress => null;

    public Uri DestinationAddress => receiveContext.InputAddress;

    public Uri? ResponseAddress => null;

    public Uri? FaultAddress => null;

    public DateTime? SentTime => record.Message.Timestamp.UtcDateTime;

    public MassTransit.Headers Headers => receiveContext.TransportHeaders;

    public HostInfo Host => null!;

    private Guid? GuidHeader(string key) =>
        Headers.TryGetHeader(key, out var value) && Guid.TryParse(value as string, out var id) ? id : null;
}
