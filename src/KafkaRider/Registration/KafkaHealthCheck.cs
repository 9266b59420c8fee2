using CowHealth.KafkaRider.Producing;
using Confluent.Kafka;
using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CowHealth.KafkaRider.Registration;

/// <summary>Ready when the cluster answers a metadata request and every topic endpoint is polling.</summary>
internal sealed class KafkaHealthCheck(SharedKafkaProducer producer, IServiceProvider services) : IHealthCheck
{
    private static readonly TimeSpan MetadataTimeout = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var metadata = await Task.Run(() => producer.GetMetadata(MetadataTimeout), cancellationToken);
            if (metadata.Brokers.Count == 0)
            {
                return HealthCheckResult.Unhealthy("Kafka answered with no brokers.");
            }
        }
        catch (KafkaException ex)
        {
            return HealthCheckResult.Unhealthy($"Kafka is not reachable: {ex.Error.Reason}");
        }

        var rider = RiderIfStarted();
        var stopped = rider?.StoppedEndpoints.ToList() ?? [];
        if (stopped.Count > 0)
        {
            return HealthCheckResult.Unhealthy($"Topic endpoints stopped polling: {string.Join(", ", stopped)}");
        }

        var stalls = rider?.Stalls.ToList() ?? [];
        if (stalls.Count == 0)
        {
            return HealthCheckResult.Healthy();
        }

        // Failing: a dependency is away and nothing moves until it is back. Slow: work is running, just not finishing.
        var failing = stalls.Where(s => s.Failing).ToList();
        var which = string.Join(", ", (failing.Count > 0 ? failing : stalls).Select(s => $"{s.Topic}[{s.Partition}] for {s.For.TotalSeconds:0} s"));
        return failing.Count > 0
            ? HealthCheckResult.Unhealthy($"Partitions stalled by a failure that is being retried: {which}")
            : HealthCheckResult.Degraded($"Partitions stalled while their work runs slowly: {which}");
    }

    private KafkaRider? RiderIfStarted()
    {
        try
        {
            return services.GetService(typeof(IKafkaRider)) as KafkaRider;
        }
        catch (ConfigurationException)
        {
            // MassTransit hands out a rider only once the bus has started.
            return null;
        }
    }
}
