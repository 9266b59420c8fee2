using CowHealth.Contracts;
using CowHealth.KafkaRider;

namespace CowHealth.Simulator.Publishing;

/// <summary>
/// Where readings go when the Simulator serves its Fake API only (<c>FakeApi:ServeOnly</c>): nowhere
/// but the Fake API's window, which the publisher fills once a "delivery" completes. A Connector
/// then polls them into Kafka, as it would a vendor's cloud.
/// </summary>
internal sealed class FakeApiOnlyDelivery : ITopicProducer<SensorReading>
{
    public Task Produce(SensorReading message, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task ProduceMany(IReadOnlyCollection<SensorReading> messages, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
