using System.Diagnostics.Metrics;

namespace CowHealth.Processor;

/// <summary>The Processor's domain instruments, on meter <c>CowHealth.Processor</c>. Labels are bounded sets: never a cow, alert or reading.</summary>
public static class ProcessorMetrics
{
    public const string MeterName = "CowHealth.Processor";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> ReadingsIngested = Meter.CreateCounter<long>(
        "cowhealth.readings.ingested", "{reading}", "Readings stored (re-deliveries of stored readings included).");

    public static readonly Counter<long> ReadingsRejected = Meter.CreateCounter<long>(
        "cowhealth.readings.rejected", "{reading}", "Readings sent to the dead-letter topic, by reason.");

    public static readonly Histogram<double> MeasuredToStored = Meter.CreateHistogram<double>(
        "cowhealth.readings.measured_to_stored", "s", "From a reading's measured-at to its storage (includes any backlog a backfill creates).",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 3600] });

    public static readonly Histogram<double> ProducedToStored = Meter.CreateHistogram<double>(
        "cowhealth.readings.produced_to_stored", "s", "From a reading's arrival in Kafka to its storage: the pipeline's own latency.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });

    public static readonly Counter<long> AlertTransitions = Meter.CreateCounter<long>(
        "cowhealth.alerts.transitions", "{event}", "Alert lifecycle events recorded, by event type (raised, escalated, ...).");

    public static KeyValuePair<string, object?> Reason(string category) => new("reason", category);
}
