using System.Diagnostics.Metrics;
using CowHealth.Contracts;
using CowHealth.Processor.Alerts;

namespace CowHealth.Processor;

/// <summary>
/// The Processor's domain instruments, on meter <c>CowHealth.Processor</c>, exported as
/// <c>cowhealth_processor_&lt;name&gt;</c>. Labels are bounded sets (a reason, a condition, a
/// severity, a lifecycle event, a saga state): never a cow, alert or reading.
/// </summary>
public sealed class ProcessorMetrics
{
    public const string MeterName = "CowHealth.Processor";

    /// <summary>Name of the produced-to-stored histogram, for listeners such as the benchmark.</summary>
    public const string ProducedToStoredName = "readings_produced_to_stored_seconds";

    public ProcessorMetrics(IMeterFactory meters, AlertCensus census)
    {
        var meter = meters.Create(MeterName);
        ReadingsIngested = meter.CreateCounter<long>(
            "readings_ingested", "{reading}", "Readings stored (re-deliveries of stored readings included).");
        ReadingsRejected = meter.CreateCounter<long>(
            "readings_rejected", "{reading}", "Readings sent to the dead-letter topic, by reason.");
        MeasuredToStored = meter.CreateHistogram<double>(
            "readings_measured_to_stored_seconds", "s", "From a reading's measured-at to its storage (includes any backlog a backfill creates).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 3600] });
        ProducedToStored = meter.CreateHistogram<double>(
            ProducedToStoredName, "s", "From a reading's arrival in Kafka to its storage: the pipeline's own latency.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        DetectionStatesDiscarded = meter.CreateCounter<long>(
            "detection_states_discarded", "{cow}", "Saved detection states of a format this Processor does not read (after an upgrade): the cow was rebuilt from her recent readings.");
        AlertEvents = meter.CreateCounter<long>(
            "alert_events", "{event}", "Alert lifecycle events published to cow-health-alerts, by event (raised, reopened, escalated, acknowledged, resolved), condition and severity.");
        meter.CreateObservableGauge(
            "alerts_open",
            () => census.Latest.OpenAlerts.Select(o => new Measurement<int>(o.Count, Condition(o.Condition), Severity(o.Severity))),
            "{alert}",
            "Alerts not yet resolved, by condition and severity, as of the latest census of the database.");
        meter.CreateObservableGauge(
            "alert_sagas",
            () => census.Latest.SagasByState.Select(s => new Measurement<int>(s.Count, new KeyValuePair<string, object?>("state", s.State))),
            "{saga}",
            "Alert saga instances with an open alert, by state, as of the latest census of the database.");
    }

    public Counter<long> ReadingsIngested { get; }

    public Counter<long> ReadingsRejected { get; }

    public Histogram<double> MeasuredToStored { get; }

    public Histogram<double> ProducedToStored { get; }

    public Counter<long> DetectionStatesDiscarded { get; }

    public Counter<long> AlertEvents { get; }

    public static KeyValuePair<string, object?> Reason(string category) => new("reason", category);

    public static KeyValuePair<string, object?> Condition(HealthCondition condition) => new("condition", condition.ToString());

    public static KeyValuePair<string, object?> Severity(AlertSeverity severity) => new("severity", severity.ToString());
}
