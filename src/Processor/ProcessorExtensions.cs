using CowHealth.Contracts;
using CowHealth.KafkaRider;
using CowHealth.Processor.Ingestion;
using CowHealth.Storage;
using MassTransit;

namespace CowHealth.Processor;

public static class ProcessorExtensions
{
    /// <summary>Consumer group of the Processor on <see cref="Topics.Readings"/>.</summary>
    public const string ReadingsGroup = "cowhealth-processor";

    /// <summary>Everything the Processor runs: storage, the ingestion consumer, and its Kafka endpoints.</summary>
    public static IHostApplicationBuilder AddProcessor(this IHostApplicationBuilder builder)
    {
        builder.Services.AddCowHealthStorage(builder.Configuration);
        builder.Services.AddScoped<ReadingStore>();
        builder.Services.AddMediator(mediator => mediator.AddConsumer<ReadingIngestor>());
        builder.Services.AddKafkaRider(builder.Configuration, rider =>
            rider.TopicEndpoint<SensorReading>(Topics.Readings, ReadingsGroup));
        return builder;
    }
}
