using MassTransit;
using MassTransit.Serialization;

namespace CowHealth.KafkaRider.Consuming;

/// <summary>
/// A consume context for a Kafka record. A fault is not published as a <c>Fault&lt;T&gt;</c> message:
/// the rider parks the record on the dead-letter topic instead, where people look for it.
/// </summary>
internal sealed class KafkaRecordConsumeContext(ReceiveContext receiveContext, SerializerContext serializerContext)
    : BodyConsumeContext(receiveContext, serializerContext)
{
    protected override Task GenerateFault<T>(ConsumeContext<T> context, Exception exception) => Task.CompletedTask;
}
