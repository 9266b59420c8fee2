using MassTransit;
using MassTransit.Serialization;

namespace CowHealth.KafkaRider.Consuming;

/// <summary>Hands MassTransit the message the rider already deserialized.</summary>
internal sealed class DeserializedSerializerContext<TMessage>(TMessage message, MessageContext messageContext)
    : BaseSerializerContext(SystemTextJsonMessageSerializer.Instance, messageContext, MessageTypeCache<TMessage>.MessageTypeNames)
    where TMessage : class
{
    public override bool IsSupportedMessageType<T>() => message is T;

    public override bool IsSupportedMessageType(Type messageType) => messageType.IsInstanceOfType(message);

    public override bool TryGetMessage<T>(out T? result)
        where T : class
    {
        result = message as T;
        return result is not null;
    }

    public override bool TryGetMessage(Type messageType, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out object? result)
    {
        result = messageType.IsInstanceOfType(message) ? message : null;
        return result is not null;
    }

    // Consumers that re-send the received message get MassTransit's JSON envelope, as from any other transport.
    public override IMessageSerializer GetMessageSerializer() => SystemTextJsonMessageSerializer.Instance;

    public override IMessageSerializer GetMessageSerializer<T>(MessageEnvelope envelope, T value)
    {
        var serializer = new SystemTextJsonBodyMessageSerializer(
            envelope, SystemTextJsonMessageSerializer.JsonContentType, SystemTextJsonMessageSerializer.Options);
        serializer.Overlay(value);
        return serializer;
    }

    public override IMessageSerializer GetMessageSerializer(object value, string[] messageTypes) =>
        new SystemTextJsonBodyMessageSerializer(
            new JsonMessageEnvelope(this, value, messageTypes),
            SystemTextJsonMessageSerializer.JsonContentType,
            SystemTextJsonMessageSerializer.Options);

    public override Dictionary<string, object> ToDictionary<T>(T? value)
        where T : class =>
        value is null ? [] : MassTransit.Util.ConvertObject.ToDictionary(value);
}
