using Confluent.Kafka;
using CowHealth.Contracts;
using MassTransit;
using MassTransit.Transports;
using CowHealth.KafkaRider.DeadLetters;

namespace CowHealth.KafkaRider.Consuming;

/// <summary>
/// Dispatches a partition's records as one <see cref="TopicBatch{T}"/>. A transient failure holds
/// the batch until it passes. A poison failure is narrowed down: each record is tried again as a
/// batch of one, so only the records that fail on their own are parked and the rest are handled.
/// </summary>
internal sealed class BatchRecordHandler<T>(
    string topic, ReceiveEndpointContext endpoint, IReceivePipeDispatcher dispatcher, DeadLetterPublisher deadLetters, KafkaRiderMetrics metrics)
    : RecordHandler<T>(topic, endpoint, dispatcher, deadLetters, metrics)
    where T : class, ICowMessage
{
    public override async Task Handle(
        IReadOnlyList<ConsumeResult<string, byte[]>> records, Guid assignment, PartitionRetry retry, CancellationToken cancellationToken)
    {
        var valid = new List<(ConsumeResult<string, byte[]> Record, T Message)>(records.Count);
        foreach (var record in records)
        {
            if (await DeserializeOrPark(record, retry, cancellationToken) is { } message)
            {
                valid.Add((record, message));
            }
        }

        if (valid.Count == 0)
        {
            return;
        }

        try
        {
            await retry.Run(() => Dispatch(valid[^1].Record, BatchOf(valid, assignment), cancellationToken), cancellationToken);
            Metrics.Dispatched.Add(valid.Count, KafkaRiderMetrics.Topic(Topic));
            return;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested && valid.Count > 1)
        {
            // Poison somewhere in the batch: find the records that fail on their own.
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            await Park(valid[0].Record, ex, retry, cancellationToken);
            return;
        }

        foreach (var one in valid)
        {
            try
            {
                await retry.Run(() => Dispatch(one.Record, BatchOf([one], assignment), cancellationToken), cancellationToken);
                Metrics.Dispatched.Add(1, KafkaRiderMetrics.Topic(Topic));
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                await Park(one.Record, ex, retry, cancellationToken);
            }
        }
    }

    private TopicBatch<T> BatchOf(List<(ConsumeResult<string, byte[]> Record, T Message)> records, Guid assignment) =>
        new(Topic, records[0].Record.Partition.Value,
            records.Select(r => new TopicRecord<T>(r.Message, r.Record.Offset.Value, r.Record.Message.Timestamp.UtcDateTime)).ToList(),
            assignment);
}
