using Confluent.Kafka;

namespace CowHealth.KafkaRider.Consuming;

/// <summary>
/// Takes records of one partition (in offset order) through MassTransit. When it returns, every
/// record has been handled or parked on the dead-letter topic, so their offsets may be committed.
/// Transient failures are waited out inside, through <paramref name="retry"/>. <paramref name="assignment"/>
/// identifies this holding of the partition (see <see cref="TopicBatch{T}.Assignment"/>).
/// </summary>
internal interface IRecordHandler
{
    Task Handle(IReadOnlyList<ConsumeResult<string, byte[]>> records, Guid assignment, PartitionRetry retry, CancellationToken cancellationToken);
}
