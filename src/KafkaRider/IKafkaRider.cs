using MassTransit.Transports;

namespace CowHealth.KafkaRider;

/// <summary>The Kafka rider as MassTransit knows it; resolvable once the bus has started.</summary>
public interface IKafkaRider : IRider;
