using CowHealth.Contracts;
using CowHealth.KafkaRider;
using MassTransit;

namespace CowHealth.Processor.Ingestion;

/// <summary>Stores the readings that arrive from the herd, a partition's batch at a time.</summary>
public sealed class ReadingIngestor(ReadingStore store) : IConsumer<TopicBatch<SensorReading>>
{
    public Task Consume(ConsumeContext<TopicBatch<SensorReading>> context) =>
        store.Store(context.Message.Messages.ToList(), context.CancellationToken);
}
