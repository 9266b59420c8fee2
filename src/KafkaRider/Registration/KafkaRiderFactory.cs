using MassTransit;
using MassTransit.Configuration;
using MassTransit.DependencyInjection;

namespace CowHealth.KafkaRider.Registration;

/// <summary>MassTransit's hook for a rider: runs the service's <c>UsingKafka</c> callback with the rider's registrations.</summary>
internal sealed class KafkaRiderFactory(Action<IRiderRegistrationContext, KafkaRiderConfigurator> configure)
    : IRegistrationRiderFactory<IKafkaRider>
{
    public IBusInstanceSpecification CreateRider(IRiderRegistrationContext context)
    {
        var configurator = new KafkaRiderConfigurator();
        configure(context, configurator);
        return new KafkaBusInstanceSpecification(context, configurator);
    }
}
