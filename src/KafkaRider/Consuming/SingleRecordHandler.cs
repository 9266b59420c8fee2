using Confluent.Kafka;
using CowHealth.Contracts;
using MassTransit;
using MassTransit.Transports;
using CowHealth.KafkaRider.DeadLetters;

namespace CowHealth.KafkaRider.Consuming;

/// <summary>Dispatches each record on its own to consumers of <typeparamref name="T"/>.</summary>
internal sealed class SingleRecordHandler<T>(
    string topic, ReceiveEndpointContext endpoint, IReceivePipeDispatcher dispatcher, DeadLetterPublisher deadLetters, KafkaRiderMetrics metrics)
    : RecordHandler<T>(topic, endpoint, dispatcher, deadLetters, metrics)
    where T : class, ICowMessage
{
    public override async Task Handle(
        IReadOnlyList<ConsumeResult<string, byte[]>> records, Guid assignment, PartitionRetry retry, CancellationToken cancellationToken)
    {
        foreach (var record in records)
        {
            var message = await DeserializeOrPark(record, retry, cancellationToken);
            if (message is null)
            {
                continue;
            }

            try
            {
                await retry.Run(() => Dispatch(record, message, cancellationToken), cancellationToken);
                Metrics.Dispatched.Add(1, KafkaRiderMetrics.Topic(Topic));
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                await Park(record, ex, retry, cancellationToken);
            }
        }
    }
}
