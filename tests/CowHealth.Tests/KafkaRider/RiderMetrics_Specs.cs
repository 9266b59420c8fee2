using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CowHealth.Contracts;
using CowHealth.EmbeddedKafka;
using CowHealth.KafkaRider;
using Microsoft.Extensions.DependencyInjection;

namespace CowHealth.Tests.KafkaRider;

/// <summary>The rider's meter: what it counts, and that no label can explode with the herd.</summary>
public sealed class RiderMetrics_Specs : IAsyncLifetime, IDisposable
{
    // Its own topic: the meter is process-wide and other specs run alongside on cow-health-data.
    private const string Topic = "metrics-spec-readings";

    private static readonly string[] AllowedLabels = ["topic", "partition", "group"];
    private EmbeddedKafkaBroker _broker = null!;
    private readonly ConcurrentBag<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = [];
    private readonly MeterListener _listener = new();

    public async Task InitializeAsync()
    {
        _broker = await EmbeddedKafkaBroker.StartAsync(new EmbeddedKafkaOptions { GroupInitialRebalanceDelay = TimeSpan.Zero });
        _broker.CreateTopic(Topic, 4);
        _broker.CreateTopic(Topics.DeadLetterOf(Topic), 1);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == KafkaRiderMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    public void Dispose() => _listener.Dispose();

    [Fact]
    public async Task Records_consumed_dispatched_dead_lettered_produced_and_lag_are_counted_by_topic_and_partition_only()
    {
        var received = new ReceivedReadings();
        var readings = Readings.Herd(cows: 30, perCow: 5);
        received.AlwaysFail[readings[0].ReadingId] = true;
        var host = await RiderHost.StartAsync(_broker.BootstrapServers, received, "a", "metrics-" + Guid.NewGuid().ToString("N")[..8], topic: Topic);
        await host.Services.GetRequiredService<ITopicProducer<SensorReading>>().ProduceMany(readings);
        await received.WaitUntil(r => r.DistinctCount == readings.Count - 1, "every reading but the failing one");
        var lagCaughtUp = await LagOfEveryPartitionReachesZero(partitions: 4);
        await host.DisposeAsync(); // the poll loop reports its consumed count on the way out

        Assert.Equal(readings.Count, Sum("produced", Topic));
        Assert.Equal(readings.Count, Sum("consumed", Topic));
        Assert.Equal(readings.Count - 1, Sum("dispatched", Topic));
        Assert.Equal(1, Sum("failed", Topic));
        Assert.Equal(1, Sum("dead_lettered", Topic));
        Assert.Contains(_measurements, m => m.Instrument == "dispatch_duration_seconds");
        Assert.True(lagCaughtUp, "consumer lag of every partition fell to zero once everything was handled");
        Assert.All(_measurements, m => Assert.All(m.Tags.Keys, key => Assert.Contains(key, AllowedLabels)));
    }

    private async Task<bool> LagOfEveryPartitionReachesZero(int partitions)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            _listener.RecordObservableInstruments();
            var latest = _measurements
                .Where(m => m.Instrument == "consumer_lag" && Equals(m.Tags.GetValueOrDefault("topic"), Topic))
                .GroupBy(m => m.Tags["partition"])
                .ToList();
            if (latest.Count == partitions && latest.All(p => p.Any(m => m.Value == 0)))
            {
                return true;
            }

            await Task.Delay(100); // the rider updates lag on its commit interval (200 ms here)
        }

        return false;
    }

    private double Sum(string instrument, string topic) =>
        _measurements.Where(m => m.Instrument == instrument && Equals(m.Tags.GetValueOrDefault("topic"), topic)).Sum(m => m.Value);

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        _measurements.Add((instrument.Name, value, copy));
    }
}
