using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Confluent.Kafka;
using CowHealth.Contracts;
using MassTransit.Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CowHealth.KafkaRider;

/// <summary>
/// Consumes one topic in one consumer group and hands each record to MassTransit's consume
/// pipeline. A record's offset is stored only after its dispatch finished (or it was parked on
/// the dead-letter topic), so a crash re-delivers rather than loses.
/// </summary>
internal sealed class TopicEndpoint<T>(
    string topic,
    string groupId,
    IOptions<KafkaOptions> options,
    IServiceScopeFactory scopes,
    DeadLetterPublisher deadLetters,
    ILogger<TopicEndpoint<T>> logger) : BackgroundService
    where T : class, ICowMessage
{
    private static readonly JsonTypeInfo<T> TypeInfo = (JsonTypeInfo<T>)CowHealthJson.Default.GetTypeInfo(typeof(T))!;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        // Confluent's Consume blocks its thread; keep it off the thread pool's async workers.
        Task.Factory.StartNew(() => ConsumeLoop(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

    private async Task ConsumeLoop(CancellationToken stoppingToken)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = options.Value.BootstrapServers,
            ClientId = options.Value.ClientId,
            GroupId = groupId,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = true,
            EnableAutoOffsetStore = false,
        };
        using var consumer = new ConsumerBuilder<string, byte[]>(config)
            .SetErrorHandler((_, error) => logger.LogWarning("Kafka consumer on {Topic}: {Reason}", topic, error.Reason))
            .Build();
        consumer.Subscribe(topic);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var record = consumer.Consume(stoppingToken);
                if (record?.Message is null)
                {
                    continue;
                }

                await Handle(record, stoppingToken);
                consumer.StoreOffset(record);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            consumer.Close();
        }
    }

    private async Task Handle(ConsumeResult<string, byte[]> record, CancellationToken cancellationToken)
    {
        T? message;
        try
        {
            message = JsonSerializer.Deserialize(record.Message.Value, TypeInfo);
        }
        catch (JsonException ex)
        {
            await deadLetters.Publish(record, $"Malformed {typeof(T).Name}: {ex.Message}", ex, cancellationToken);
            return;
        }

        if (message is null)
        {
            await deadLetters.Publish(record, $"Empty {typeof(T).Name} record", null, cancellationToken);
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var mediator = scope.ServiceProvider.GetRequiredService<IScopedMediator>();
            await mediator.Send(message, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Handling {Type} from {Topic} failed; parking it on the dead-letter topic", typeof(T).Name, topic);
            await deadLetters.Publish(record, ex.Message, ex, cancellationToken);
        }
    }
}
