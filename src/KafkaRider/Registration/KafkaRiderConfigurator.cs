using CowHealth.Contracts;
using CowHealth.KafkaRider.Consuming;
using CowHealth.KafkaRider.Failures;
using MassTransit;

namespace CowHealth.KafkaRider.Registration;

/// <summary>Declares the topic endpoints of a service, inside <c>UsingKafka</c>.</summary>
public sealed class KafkaRiderConfigurator
{
    internal List<TopicEndpointDefinition> Endpoints { get; } = [];

    /// <summary>
    /// How every endpoint of this rider tells poison from a transient failure; a service adds the
    /// failures of its own dependencies that are transient, e.g.
    /// <c>kafka.Failures.TreatAsTransient&lt;DbUpdateConcurrencyException&gt;()</c>.
    /// </summary>
    public FailureClassifier Failures { get; } = new();

    /// <summary>
    /// Consumes <paramref name="topic"/> in consumer group <paramref name="groupId"/> and dispatches each
    /// message to what <paramref name="configure"/> connects (consumers, sagas, retry and other middleware).
    /// </summary>
    public KafkaRiderConfigurator TopicEndpoint<T>(
        string topic, string groupId, Action<IReceiveEndpointConfigurator> configure, TopicEndpointOptions? options = null)
        where T : class, ICowMessage
    {
        Endpoints.Add(new TopicEndpointDefinition(topic, groupId, options ?? new TopicEndpointOptions(), null, configure,
            (endpoint, dispatcher, deadLetters, metrics) => new SingleRecordHandler<T>(topic, endpoint, dispatcher, deadLetters, metrics)));
        return this;
    }

    /// <summary>
    /// Like <see cref="TopicEndpoint{T}"/>, but dispatches up to <see cref="TopicBatchLimits.MessageLimit"/>
    /// consecutive records of a partition at once, as a <see cref="TopicBatch{T}"/>, for consumers that store in bulk.
    /// </summary>
    public KafkaRiderConfigurator TopicBatchEndpoint<T>(
        string topic, string groupId, TopicBatchLimits limits, Action<IReceiveEndpointConfigurator> configure, TopicEndpointOptions? options = null)
        where T : class, ICowMessage
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limits.MessageLimit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(limits.TimeLimit, TimeSpan.Zero);
        Endpoints.Add(new TopicEndpointDefinition(topic, groupId, options ?? new TopicEndpointOptions(), limits, configure,
            (endpoint, dispatcher, deadLetters, metrics) => new BatchRecordHandler<T>(topic, endpoint, dispatcher, deadLetters, metrics)));
        return this;
    }
}
