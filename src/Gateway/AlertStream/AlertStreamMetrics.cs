using System.Diagnostics.Metrics;
using CowHealth.Contracts;

namespace CowHealth.Gateway.AlertStream;

/// <summary>
/// Live streams on meter <c>CowHealth.Gateway</c>: how many are open (<c>cowhealth_gateway_alert_streams_open</c>)
/// and the events sent to clients by contract (<c>cowhealth_gateway_alert_stream_events</c>).
/// </summary>
public sealed class AlertStreamMetrics(IMeterFactory meters)
{
    // The event name comes from a record header anyone could write: only known contracts become label values.
    private static readonly HashSet<string> KnownEvents =
    [
        nameof(AlertRaised), nameof(AlertEscalated), nameof(AlertAcknowledged), nameof(AlertResolved), nameof(AlertReopened),
        nameof(AcknowledgementRejected),
    ];

    private readonly UpDownCounter<long> _open = meters.Create(Acknowledgement.AcknowledgementMetrics.MeterName).CreateUpDownCounter<long>(
        "alert_streams_open", "{stream}", "Live alert streams open now.");

    private readonly Counter<long> _events = meters.Create(Acknowledgement.AcknowledgementMetrics.MeterName).CreateCounter<long>(
        "alert_stream_events", "{event}", "Alert events sent to live-stream clients (one per client), by event.");

    public void Opened() => _open.Add(1);

    public void Closed() => _open.Add(-1);

    public void Sent(string eventType) =>
        _events.Add(1, new KeyValuePair<string, object?>("event", KnownEvents.Contains(eventType) ? eventType : "other"));
}
