using CowHealth.Contracts;
using CowHealth.KafkaRider.Producing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using CowHealth.KafkaRider.DeadLetters;

namespace CowHealth.KafkaRider.Registration;

/// <summary>
/// The Kafka rider's registration, inside MassTransit's <c>AddRider</c>:
/// <code>
/// x.AddRider(rider =>
/// {
///     rider.AddConsumer&lt;ReadingIngestor&gt;();
///     rider.AddProducer&lt;AlertRaised&gt;(Topics.Alerts);
///     rider.UsingKafka((context, kafka) =>
///         kafka.TopicEndpoint&lt;SensorReading&gt;(Topics.Readings, "processor", e => e.ConfigureConsumer&lt;ReadingIngestor&gt;(context)));
/// });
/// </code>
/// Connection settings come from the <c>Kafka</c> configuration section (<see cref="KafkaOptions"/>).
/// </summary>
public static class KafkaRiderRegistrationExtensions
{
    /// <summary>Health checks with this tag take part in the service's readiness.</summary>
    public const string ReadyTag = "ready";

    public static void UsingKafka(
        this IRiderRegistrationConfigurator rider, Action<IRiderRegistrationContext, KafkaRiderConfigurator> configure)
    {
        rider.AddKafkaClients();
        rider.SetRiderFactory(new KafkaRiderFactory(configure));
    }

    /// <summary>Makes <see cref="ITopicProducer{T}"/> injectable, sending to <paramref name="topic"/>.</summary>
    public static void AddProducer<T>(this IRiderRegistrationConfigurator rider, string topic)
        where T : class, ICowMessage
    {
        rider.AddKafkaClients();
        rider.TryAddSingleton<ITopicProducer<T>>(provider => new KafkaTopicProducer<T>(
            provider.GetRequiredService<SharedKafkaProducer>(), topic, provider.GetRequiredService<TimeProvider>()));
    }

    private static void AddKafkaClients(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(SharedKafkaProducer)))
        {
            return;
        }

        services.AddOptions<KafkaOptions>().BindConfiguration(KafkaOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<KafkaRiderMetrics>();
        services.AddSingleton<SharedKafkaProducer>();
        services.AddSingleton<DeadLetterPublisher>();
        services.AddHealthChecks().AddCheck<KafkaHealthCheck>("kafka", HealthStatus.Unhealthy, [ReadyTag]);
    }
}
