using CowHealth.KafkaRider.Consuming;
using MassTransit;
using MassTransit.Configuration;
using MassTransit.Transports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using CowHealth.KafkaRider.DeadLetters;

namespace CowHealth.KafkaRider.Registration;

/// <summary>
/// Builds the topic endpoints once MassTransit has a bus instance. Each endpoint gets a receive
/// endpoint configuration from the bus's own host, so consumers, sagas and middleware are
/// configured exactly as on any MassTransit endpoint, and whatever they publish goes to the bus.
/// </summary>
internal sealed class KafkaBusInstanceSpecification(IRiderRegistrationContext context, KafkaRiderConfigurator configurator)
    : IBusInstanceSpecification
{
    public IEnumerable<ValidationResult> Validate()
    {
        foreach (var endpoint in configurator.Endpoints)
        {
            if (string.IsNullOrWhiteSpace(endpoint.Topic) || string.IsNullOrWhiteSpace(endpoint.GroupId))
            {
                yield return this.Failure("TopicEndpoint", "A topic endpoint needs a topic and a consumer group id.");
            }
        }

        var duplicates = configurator.Endpoints.GroupBy(e => (e.Topic, e.GroupId)).Where(g => g.Count() > 1).Select(g => g.Key);
        foreach (var (topic, group) in duplicates)
        {
            yield return this.Failure("TopicEndpoint", $"Topic '{topic}' is consumed twice in group '{group}'.");
        }
    }

    public void Configure(IBusInstance busInstance)
    {
        var kafka = context.GetRequiredService<IOptions<KafkaOptions>>().Value;
        var deadLetters = context.GetRequiredService<DeadLetterPublisher>();
        var metrics = context.GetRequiredService<KafkaRiderMetrics>();
        var logger = context.GetRequiredService<ILoggerFactory>().CreateLogger<IKafkaRider>();

        var endpoints = configurator.Endpoints.Select(definition =>
        {
            var endpointConfiguration = busInstance.HostConfiguration.CreateReceiveEndpointConfiguration(
                $"kafka-{definition.Topic}-{definition.GroupId}");
            var endpoint = (IReceiveEndpointConfigurator)endpointConfiguration;
            // The rider decides what happens to a failed record (the dead-letter topic), so MassTransit
            // must hand the failure back rather than publish a fault or move the message itself.
            endpoint.ThrowOnSkippedMessages();
            endpoint.RethrowFaultedMessages();
            endpoint.PublishFaults = false;
            endpoint.ConfigureConsumeTopology = false;
            definition.Configure(endpoint);
            endpointConfiguration.Validate().ThrowIfContainsFailure($"The topic endpoint for {definition.Topic} is not valid:");

            var receiveContext = endpointConfiguration.CreateReceiveEndpointContext();
            var handler = definition.CreateHandler(receiveContext, receiveContext.CreateReceivePipeDispatcher(), deadLetters, metrics);
            return new TopicEndpoint(definition, handler, configurator.Failures, kafka, metrics, logger);
        }).ToList();

        busInstance.Connect<IKafkaRider>(new KafkaRider(endpoints));
    }
}
