using CowHealth.KafkaRider.Consuming;
using MassTransit;
using MassTransit.Transports;

namespace CowHealth.KafkaRider.Registration;

/// <summary>Starts and stops the topic endpoints with the bus.</summary>
internal sealed class KafkaRider(IReadOnlyList<TopicEndpoint> endpoints) : IKafkaRider, IRiderControl
{
    public RiderHandle Start(CancellationToken cancellationToken = default)
    {
        foreach (var endpoint in endpoints)
        {
            endpoint.Start();
        }

        return new Handle(endpoints);
    }

    // Topic endpoints are not MassTransit receive endpoints; their health is reported by KafkaHealthCheck.
    public IEnumerable<EndpointHealthResult> CheckEndpointHealth() => [];

    /// <summary>Endpoints whose poll loop has stopped, which only an unrecoverable consumer error causes.</summary>
    public IEnumerable<string> StoppedEndpoints => endpoints.Where(e => !e.IsPolling).Select(e => e.Name);

    /// <summary>Partitions stalled past <see cref="KafkaOptions.StalledAfter"/>, on every endpoint.</summary>
    public IEnumerable<PartitionStall> Stalls => endpoints.SelectMany(e => e.Stalls);

    private sealed class Handle(IReadOnlyList<TopicEndpoint> endpoints) : RiderHandle
    {
        public Task Ready { get; } = Task.WhenAll(endpoints.Select(e => e.Subscribed));

        public async Task StopAsync(CancellationToken cancellationToken)
        {
            await Task.WhenAll(endpoints.Select(e => e.StopAsync(cancellationToken)));
            foreach (var endpoint in endpoints)
            {
                endpoint.Dispose();
            }
        }
    }
}
