using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace CowHealth.KafkaRider;

/// <summary>
/// The rider's instruments, on meter <c>CowHealth.KafkaRider</c>. Labels are topic (and partition
/// and group for lag) only: never a key, a cow or a message id.
/// </summary>
public static class KafkaRiderMetrics
{
    public const string MeterName = "CowHealth.KafkaRider";

    private static readonly Meter Meter = new(MeterName);
    private static readonly ConcurrentDictionary<(string Group, string Topic, int Partition), long> Lags = new();

    internal static readonly Counter<long> Consumed = Meter.CreateCounter<long>(
        "cowhealth.kafka.consumed", "{message}", "Records read from a topic by a topic endpoint.");

    internal static readonly Counter<long> Dispatched = Meter.CreateCounter<long>(
        "cowhealth.kafka.dispatched", "{message}", "Records whose dispatch into MassTransit completed.");

    internal static readonly Counter<long> Failed = Meter.CreateCounter<long>(
        "cowhealth.kafka.failed", "{message}", "Records whose dispatch still failed after MassTransit's retries.");

    internal static readonly Counter<long> DeadLettered = Meter.CreateCounter<long>(
        "cowhealth.kafka.dead_lettered", "{message}", "Records parked on a dead-letter topic.");

    internal static readonly Counter<long> Produced = Meter.CreateCounter<long>(
        "cowhealth.kafka.produced", "{message}", "Messages the broker acknowledged.");

    internal static readonly Counter<long> ProduceFailures = Meter.CreateCounter<long>(
        "cowhealth.kafka.produce_failures", "{message}", "Messages the broker did not take.");

    internal static readonly Histogram<double> DispatchDuration = Meter.CreateHistogram<double>(
        "cowhealth.kafka.dispatch.duration", "s", "Time to dispatch one record or one batch into MassTransit.");

    static KafkaRiderMetrics()
    {
        Meter.CreateObservableGauge(
            "cowhealth.kafka.consumer.lag",
            () => Lags.Select(l => new Measurement<long>(
                l.Value,
                new KeyValuePair<string, object?>("group", l.Key.Group),
                new KeyValuePair<string, object?>("topic", l.Key.Topic),
                new KeyValuePair<string, object?>("partition", l.Key.Partition))),
            "{message}",
            "Log-end offset minus the consumer group's handled position, per partition.");
    }

    internal static KeyValuePair<string, object?> Topic(string topic) => new("topic", topic);

    internal static void RecordLag(string group, string topic, int partition, long lag) =>
        Lags[(group, topic, partition)] = Math.Max(0, lag);

    internal static void ForgetLag(string group, string topic, int partition) =>
        Lags.TryRemove((group, topic, partition), out _);
}
