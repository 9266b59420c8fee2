using CowHealth.Contracts;
using CowHealth.KafkaRider;
using CowHealth.Storage;
using MassTransit;

namespace CowHealth.Processor.Ingestion;

/// <summary>
/// Stores a partition's batch of readings in one transaction. Readings no bolus could have sent go
/// to the dead-letter topic with the reason, after the good ones are safely stored.
/// </summary>
public sealed class ReadingIngestor(
    CowHealthDb db, ReadingWriter writer, ReadingValidator validator, DeadLetterPublisher deadLetters, TimeProvider clock)
    : IConsumer<TopicBatch<SensorReading>>
{
    public async Task Consume(ConsumeContext<TopicBatch<SensorReading>> context)
    {
        var batch = context.Message;
        var cancellationToken = context.CancellationToken;
        var accepted = new List<TopicRecord<SensorReading>>(batch.Count);
        var rejected = new List<(TopicRecord<SensorReading> Record, Rejection Why)>();
        foreach (var record in batch.Records)
        {
            if (validator.Check(record.Message) is { } rejection)
            {
                rejected.Add((record, rejection));
            }
            else
            {
                accepted.Add(record);
            }
        }

        var storedAt = clock.GetUtcNow().UtcDateTime;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await writer.Write(db, accepted.Select(r => r.Message).ToList(), storedAt, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        foreach (var (record, why) in rejected)
        {
            await deadLetters.Publish(batch, record, why.Detail, cancellationToken);
            ProcessorMetrics.ReadingsRejected.Add(1, ProcessorMetrics.Reason(why.Category));
        }

        ProcessorMetrics.ReadingsIngested.Add(accepted.Count);
        foreach (var record in accepted)
        {
            ProcessorMetrics.MeasuredToStored.Record((storedAt - record.Message.MeasuredAt.UtcDateTime).TotalSeconds);
            ProcessorMetrics.ProducedToStored.Record((storedAt - record.Timestamp.UtcDateTime).TotalSeconds);
        }
    }
}
