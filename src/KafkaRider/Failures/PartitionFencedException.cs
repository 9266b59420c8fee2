namespace CowHealth.KafkaRider.Failures;

/// <summary>
/// Thrown by a consumer that finds its partition now belongs to another holder (a rebalance moved it
/// while this batch was still running). Transient: the batch commits nothing and is retried until the
/// rebalance takes this worker away, so a late worker can never write over its successor's work.
/// </summary>
public sealed class PartitionFencedException(string message) : Exception(message);
