using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace CowHealth.KafkaRider;

/// <summary>
/// The rider's instruments, on meter <c>CowHealth.Kafka</c>, exported as <c>cowhealth_kafka_&lt;name&gt;</c>.
/// Labels are topic (and partition and group for lag) only: never a key, a cow or a message id.
/// </summary>
/// <remarks>
/// The meter comes from the service's own <see cref="IMeterFactory"/>, so when several services
/// share a process (the local run, tests) each one's <c>/metrics</c> shows only its own traffic.
/// </remarks>
public sealed class KafkaRiderMetrics
{
    public const string MeterName = "CowHealth.Kafka";

    private readonly ConcurrentDictionary<(string Group, string Topic, int Partition), long> _lags = new();
    private readonly ConcurrentDictionary<(string Group, string Topic, int Partition), double> _stalls = new();
    private readonly ConcurrentDictionary<(string Group, string Topic), int> _assigned = new();

    public KafkaRiderMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        Consumed = meter.CreateCounter<long>("consumed", "{message}", "Records read from a topic by a topic endpoint.");
        Dispatched = meter.CreateCounter<long>("dispatched", "{message}", "Records whose dispatch into MassTransit completed.");
        Failed = meter.CreateCounter<long>("failed", "{message}", "Records whose handling failed as poison (they are then dead-lettered).");
        TransientFailures = meter.CreateCounter<long>(
            "transient_failures", "{attempt}", "Attempts that failed transiently (database, broker, time-out): the partition held and retried.");
        DeadLettered = meter.CreateCounter<long>("dead_lettered", "{message}", "Records parked on a dead-letter topic, by the topic they came from.");
        Produced = meter.CreateCounter<long>("produced", "{message}", "Messages the broker acknowledged.");
        ProduceFailures = meter.CreateCounter<long>("produce_failures", "{message}", "Messages the broker did not take.");
        DispatchDuration = meter.CreateHistogram<double>(
            "dispatch_duration_seconds", "s", "Time to dispatch one record or one batch into MassTransit.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        meter.CreateObservableGauge(
            "consumer_lag",
            () => _lags.Select(l => new Measurement<long>(
                l.Value,
                new KeyValuePair<string, object?>("group", l.Key.Group),
                new KeyValuePair<string, object?>("topic", l.Key.Topic),
                new KeyValuePair<string, object?>("partition", l.Key.Partition))),
            "{message}",
            "Log-end offset minus the consumer group's handled position, per partition.");
        meter.CreateObservableGauge(
            "partitions_assigned",
            () => _assigned.Select(a => new Measurement<int>(
                a.Value,
                new KeyValuePair<string, object?>("group", a.Key.Group),
                new KeyValuePair<string, object?>("topic", a.Key.Topic))),
            "{partition}",
            "Partitions of the topic this instance holds in the consumer group: how the group spread the work.");
        meter.CreateObservableGauge(
            "partition_stalled_seconds",
            () => _stalls.Select(s => new Measurement<double>(
                s.Value,
                new KeyValuePair<string, object?>("group", s.Key.Group),
                new KeyValuePair<string, object?>("topic", s.Key.Topic),
                new KeyValuePair<string, object?>("partition", s.Key.Partition))),
            "s",
            "How long records have waited in a partition without it moving on; 0 while it keeps up.");
    }

    internal Counter<long> Consumed { get; }

    internal Counter<long> Dispatched { get; }

    internal Counter<long> Failed { get; }

    internal Counter<long> TransientFailures { get; }

    internal Counter<long> DeadLettered { get; }

    internal Counter<long> Produced { get; }

    internal Counter<long> ProduceFailures { get; }

    internal Histogram<double> DispatchDuration { get; }

    internal static KeyValuePair<string, object?> Topic(string topic) => new("topic", topic);

    internal void RecordLag(string group, string topic, int partition, long lag) =>
        _lags[(group, topic, partition)] = Math.Max(0, lag);

    /// <summary>
    /// A partition given up (revoked, or the endpoint stopped) lags nothing here: it reads zero
    /// rather than vanishing, so a sum over instances stays right and no stale value lingers.
    /// </summary>
    internal void PartitionReleased(string group, string topic, int partition)
    {
        _lags[(group, topic, partition)] = 0;
        _stalls[(group, topic, partition)] = 0;
    }

    internal void RecordAssigned(string group, string topic, int partitions) => _assigned[(group, topic)] = partitions;

    internal void RecordStall(string group, string topic, int partition, TimeSpan waiting) =>
        _stalls[(group, topic, partition)] = Math.Round(waiting.TotalSeconds, 1);
}
