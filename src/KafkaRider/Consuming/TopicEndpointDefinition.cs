using MassTransit;
using MassTransit.Transports;
using CowHealth.KafkaRider.DeadLetters;

namespace CowHealth.KafkaRider.Consuming;

/// <summary>What a service declared for one topic endpoint, kept until the bus instance exists to build it.</summary>
internal sealed record TopicEndpointDefinition(
    string Topic,
    string GroupId,
    TopicEndpointOptions Options,
    TopicBatchLimits? BatchLimits,
    Action<IReceiveEndpointConfigurator> Configure,
    Func<ReceiveEndpointContext, IReceivePipeDispatcher, DeadLetterPublisher, KafkaRiderMetrics, IRecordHandler> CreateHandler);
