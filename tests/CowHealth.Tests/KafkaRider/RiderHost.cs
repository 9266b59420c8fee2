using CowHealth.Contracts;
using CowHealth.KafkaRider;
using CowHealth.KafkaRider.Registration;
using MassTransit;
using System.Diagnostics.Metrics;
using CowHealth.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CowHealth.Tests.KafkaRider;

/// <summary>A real generic host with MassTransit and the Kafka rider, as a service would have them.</summary>
public sealed class RiderHost : IAsyncDisposable
{
    private readonly IHost _host;

    private RiderHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public static async Task<RiderHost> StartAsync(
        string bootstrapServers,
        ReceivedReadings received,
        string name,
        string groupId,
        bool batches = false,
        int concurrentPartitions = 4,
        string topic = Topics.Readings,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kafka:BootstrapServers"] = bootstrapServers,
            ["Kafka:ClientId"] = name,
            ["Kafka:CommitInterval"] = "00:00:00.200",
            ["Kafka:ShutdownTimeout"] = "00:00:10",
            ["Kafka:SessionTimeout"] = "00:00:03",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(received);
        builder.Services.AddSingleton(new ConsumerName(name));
        builder.Services.AddMassTransit(bus =>
        {
            bus.UsingInMemory();
            bus.AddRider(rider =>
            {
                rider.AddConsumer<RecordingConsumer>();
                rider.AddConsumer<RecordingBatchConsumer>();
                rider.AddProducer<SensorReading>(topic);
                rider.UsingKafka((context, kafka) =>
                {
                    var options = new TopicEndpointOptions { ConcurrentPartitionLimit = concurrentPartitions };
                    if (batches)
                    {
                        kafka.TopicBatchEndpoint<SensorReading>(topic, groupId, new TopicBatchLimits(50, TimeSpan.FromMilliseconds(10)), e =>
                        {
                            e.UseMessageRetry(r => r.Immediate(2));
                            e.ConfigureConsumer<RecordingBatchConsumer>(context);
                        }, options);
                    }
                    else
                    {
                        kafka.TopicEndpoint<SensorReading>(topic, groupId, e =>
                        {
                            e.UseMessageRetry(r => r.Immediate(2));
                            e.ConfigureConsumer<RecordingConsumer>(context);
                        }, options);
                    }
                });
            });
        });
        var host = builder.Build();
        await host.StartAsync();
        return new RiderHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    /// <summary>
    /// Partitions this host's rider holds now, from its own <c>partitions_assigned</c> gauge (the meter
    /// of this host's <see cref="IMeterFactory"/>, not another host's in the same process).
    /// </summary>
    public int AssignedPartitions()
    {
        var meters = Services.GetRequiredService<IMeterFactory>();
        var assigned = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Meter.Name == KafkaRiderMetrics.MeterName && instrument.Name == "partitions_assigned")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((_, value, _, _) => assigned += value);
        listener.Start();
        listener.RecordObservableInstruments();
        return assigned;
    }

    /// <summary>Waits until the consumer group has given this host partitions.</summary>
    public Task<string> HoldsPartitions() =>
        Eventually.Until(() => Task.FromResult(AssignedPartitions() > 0 ? "assigned" : null), TimeSpan.FromMinutes(1), "the group to assign partitions");
}
