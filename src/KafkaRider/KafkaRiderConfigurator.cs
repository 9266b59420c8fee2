using CowHealth.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CowHealth.KafkaRider;

/// <summary>Declares what a service produces and which topics it consumes.</summary>
public sealed class KafkaRiderConfigurator(IServiceCollection services)
{
    /// <summary>Makes <see cref="ITopicProducer{T}"/> injectable, sending to <paramref name="topic"/>.</summary>
    public KafkaRiderConfigurator AddProducer<T>(string topic)
        where T : class, ICowMessage
    {
        services.AddSingleton<ITopicProducer<T>>(provider => new KafkaTopicProducer<T>(
            provider.GetRequiredService<SharedKafkaProducer>(), topic, provider.GetRequiredService<TimeProvider>()));
        return this;
    }

    /// <summary>
    /// Consumes <paramref name="topic"/> in consumer group <paramref name="groupId"/> and dispatches each
    /// message to the MassTransit consumers registered for <typeparamref name="T"/>.
    /// </summary>
    public KafkaRiderConfigurator TopicEndpoint<T>(string topic, string groupId)
        where T : class, ICowMessage
    {
        services.AddHostedService(provider => ActivatorUtilities.CreateInstance<TopicEndpoint<T>>(provider, topic, groupId));
        return this;
    }
}

public static class KafkaRiderServiceCollectionExtensions
{
    public static IServiceCollection AddKafkaRider(
        this IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration, Action<KafkaRiderConfigurator> configure)
    {
        services.AddOptions<KafkaOptions>().Bind(configuration.GetSection(KafkaOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SharedKafkaProducer>();
        services.AddSingleton<DeadLetterPublisher>();
        services.TryAddSingleton(TimeProvider.System);
        configure(new KafkaRiderConfigurator(services));
        return services;
    }
}
