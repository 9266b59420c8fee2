using CowHealth.Contracts;
using CowHealth.KafkaRider;
using CowHealth.KafkaRider.Registration;
using CowHealth.Processor.Alerts;
using CowHealth.Processor.Detection;
using CowHealth.Processor.Ingestion;
using CowHealth.Storage;
using CowHealth.Storage.Alerts;
using CowHealth.Storage.Sagas;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CowHealth.Processor;

public static class ProcessorExtensions
{
    /// <summary>Consumer group of the Processor on <see cref="Topics.Readings"/>.</summary>
    public const string ReadingsGroup = "cowhealth-processor";

    /// <summary>Consumer group of the Processor on <see cref="Topics.Commands"/>.</summary>
    public const string CommandsGroup = "cowhealth-processor-commands";

    /// <summary>
    /// Readings are stored in bulk: a batch per partition of up to 5,000, or what arrived within 20 ms.
    /// A live herd fills the time limit long before the count; a backlog (a backfill, a restart) fills
    /// the count, and fewer, larger transactions then cost PostgreSQL a third less per reading than 1,000.
    /// </summary>
    private static readonly TopicBatchLimits ReadingBatches = new(5_000, TimeSpan.FromMilliseconds(20));

    /// <summary>
    /// A batch spends most of its time waiting on database round trips, not on the CPU, so more
    /// partitions in flight than cores keeps PostgreSQL busy.
    /// </summary>
    private static readonly TopicEndpointOptions ReadingPartitions = new() { ConcurrentPartitionLimit = 16 };

    /// <summary>Everything the Processor runs: storage, ingestion, the alert saga, and their Kafka endpoints.</summary>
    public static IHostApplicationBuilder AddProcessor(this IHostApplicationBuilder builder)
    {
        builder.Services.AddCowHealthStorage(builder.Configuration);
        builder.Services.AddDetection(builder.Configuration);
        builder.Services.AddReadingIngestion();
        builder.Services.AddAlertLifecycle();
        builder.Services.AddProcessorMetrics();
        builder.Services.AddMassTransit(bus =>
        {
            bus.UsingInMemory();
            bus.AddRider(rider =>
            {
                rider.AddConsumer<ReadingIngestor>();
                rider.AddSagaStateMachine<CowAlertStateMachine, CowAlert>().EfCoreRepository();
                rider.UsingKafka((context, kafka) =>
                {
                    StorageFailures.AreTransient(kafka.Failures);
                    // No retry filter: a transient failure holds the partition in the rider until it passes,
                    // and a poison one is the same on every try.
                    kafka.TopicBatchEndpoint<SensorReading>(Topics.Readings, ReadingsGroup, ReadingBatches,
                        endpoint => endpoint.ConfigureConsumer<ReadingIngestor>(context), ReadingPartitions);
                    kafka.TopicEndpoint<AcknowledgeAlert>(Topics.Commands, CommandsGroup, endpoint =>
                    {
                        // A reading batch may have changed the same saga a moment ago: load again and retry.
                        endpoint.UseMessageRetry(retry =>
                        {
                            retry.Handle<DbUpdateConcurrencyException>();
                            retry.Intervals(50, 200, 500, 1_000);
                        });
                        endpoint.UseFilter(new WakeRelayAfterCommit<AcknowledgeAlert>(context.GetRequiredService<AlertOutboxSignal>()));
                        endpoint.ConfigureSaga<CowAlert>(context);
                    });
                });
            });
        });
        return builder;
    }

    private static void AddReadingIngestion(this IServiceCollection services)
    {
        services.AddOptions<ReadingValidationOptions>().BindConfiguration(ReadingValidationOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ReadingValidator>();
        services.AddSingleton<DetectionStateStore>();
        services.AddSingleton<PartitionMemories>();
        services.AddSingleton<ReadingWriter>(provider =>
            provider.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == StorageProvider.Postgres
                ? new PostgresReadingWriter()
                : new SqliteReadingWriter());
    }

    private static void AddProcessorMetrics(this IServiceCollection services)
    {
        services.AddOptions<ProcessorMetricsOptions>().BindConfiguration(ProcessorMetricsOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AlertCensus>();
        services.AddHostedService(provider => provider.GetRequiredService<AlertCensus>());
        services.AddSingleton<ProcessorMetrics>();
    }

    private static void AddAlertLifecycle(this IServiceCollection services)
    {
        services.AddOptions<AlertPolicyOptions>().BindConfiguration(AlertPolicyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // Ingestion hands condition changes to the saga in-process, inside its own transaction, through the mediator.
        services.AddMediator(mediator => mediator.AddSagaStateMachine<CowAlertStateMachine, CowAlert>().EfCoreRepository());
        services.AddSingleton<AlertOutboxSignal>();
        services.AddHostedService<AlertEventRelay>();
    }
}
