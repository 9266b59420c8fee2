using CowHealth.Contracts;
using CowHealth.KafkaRider;
using CowHealth.KafkaRider.Registration;
using CowHealth.Processor.Ingestion;
using CowHealth.Storage;
using MassTransit;
using Microsoft.Extensions.Options;

namespace CowHealth.Processor;

public static class ProcessorExtensions
{
    /// <summary>Consumer group of the Processor on <see cref="Topics.Readings"/>.</summary>
    public const string ReadingsGroup = "cowhealth-processor";

    /// <summary>Readings are stored in bulk: a batch per partition of up to 1,000, or what arrived within 20 ms.</summary>
    private static readonly TopicBatchLimits ReadingBatches = new(1_000, TimeSpan.FromMilliseconds(20));

    /// <summary>Everything the Processor runs: storage, the ingestion consumer, and its Kafka endpoints.</summary>
    public static IHostApplicationBuilder AddProcessor(this IHostApplicationBuilder builder)
    {
        builder.Services.AddCowHealthStorage(builder.Configuration);
        builder.Services.AddOptions<ReadingValidationOptions>().BindConfiguration(ReadingValidationOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ReadingValidator>();
        builder.Services.AddSingleton<ReadingWriter>(provider =>
            provider.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == StorageProvider.Postgres
                ? new PostgresReadingWriter()
                : new SqliteReadingWriter());
        builder.Services.AddMassTransit(bus =>
        {
            bus.UsingInMemory();
            bus.AddRider(rider =>
            {
                rider.AddConsumer<ReadingIngestor>();
                rider.UsingKafka((context, kafka) =>
                    kafka.TopicBatchEndpoint<SensorReading>(Topics.Readings, ReadingsGroup, ReadingBatches, endpoint =>
                    {
                        endpoint.UseMessageRetry(retry => retry.Intervals(100, 500, 2_000));
                        endpoint.ConfigureConsumer<ReadingIngestor>(context);
                    }));
            });
        });
        return builder;
    }
}
