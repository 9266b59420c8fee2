using CowHealth.Contracts;

namespace CowHealth.KafkaRider;

/// <summary>Sends one contract to its topic, keyed by cow id. Inject it where a service produces.</summary>
public interface ITopicProducer<in T>
    where T : class, ICowMessage
{
    /// <summary>Completes when the broker has acknowledged the message (acks=all).</summary>
    Task Produce(T message, CancellationToken cancellationToken = default);

    /// <summary>Sends many at once and completes when the broker has acknowledged all of them.</summary>
    Task ProduceMany(IReadOnlyCollection<T> messages, CancellationToken cancellationToken = default);
}
