namespace CowHealth.Contracts;

/// <summary>
/// Every message on a CowHealth topic. Messages are keyed by <see cref="CowId"/> so that one cow's
/// messages stay in order on one partition; <see cref="SchemaVersion"/> lets a consumer tell a
/// future shape of the same contract apart from this one.
/// </summary>
public interface ICowMessage
{
    string CowId { get; }

    /// <summary>What this message is about (the reading, the alert); carried as a Kafka header.</summary>
    Guid CorrelationId { get; }

    int SchemaVersion { get; }
}
