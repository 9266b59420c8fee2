using CowHealth.Contracts;
using MassTransit;

namespace CowHealth.Processor.Ingestion;

/// <summary>Stores each reading that arrives from the herd.</summary>
public sealed class ReadingIngestor(ReadingStore store) : IConsumer<SensorReading>
{
    public Task Consume(ConsumeContext<SensorReading> context) =>
        store.Store([context.Message], context.CancellationToken);
}
