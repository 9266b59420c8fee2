namespace CowHealth.KafkaRider.Failures;

/// <summary>What a failed record means for its partition.</summary>
public enum FailureClass
{
    /// <summary>
    /// The record itself cannot be handled and never will be (bytes that do not deserialize, a
    /// message the consumer rejects, a deterministic error of our own code on it): it is parked on
    /// <c>&lt;topic&gt;.dlq</c> and the partition moves on.
    /// </summary>
    Poison,

    /// <summary>
    /// Something the record needs is away for now (the database restarting, the broker down, a
    /// time-out, a deadlock): the partition holds, retries until it passes, and commits nothing past it.
    /// </summary>
    Transient,
}
