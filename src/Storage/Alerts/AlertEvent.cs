namespace CowHealth.Storage.Alerts;

/// <summary>
/// One lifecycle event of an alert, written in the same transaction as the saga state that caused
/// it. It is both the alert's history and the outbox: a relay publishes rows whose
/// <see cref="PublishedAt"/> is empty to <c>cow-health-alerts</c>, in <see cref="Position"/> order.
/// </summary>
public sealed class AlertEvent
{
    /// <summary>Order of recording; the relay publishes in this order.</summary>
    public long Position { get; set; }

    /// <summary>Deterministic from the alert and the step, so a re-run records the same id.</summary>
    public Guid EventId { get; set; }

    public Guid AlertId { get; set; }

    public required string CowId { get; set; }

    public required string FarmId { get; set; }

    /// <summary>The contract's name, e.g. <c>AlertRaised</c>.</summary>
    public required string EventType { get; set; }

    public DateTime OccurredAt { get; set; }

    /// <summary>The contract serialized with the shared JSON settings, exactly as it goes on the topic.</summary>
    public required string PayloadJson { get; set; }

    /// <summary>Wall-clock time the row was written.</summary>
    public DateTime RecordedAt { get; set; }

    /// <summary>Wall-clock time Kafka acknowledged the event; null while it waits in the outbox.</summary>
    public DateTime? PublishedAt { get; set; }
}
