using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Confluent.Kafka;
using CowHealth.Contracts;
using MassTransit;
using MassTransit.Context;
using MassTransit.Transports;
using CowHealth.KafkaRider.DeadLetters;

namespace CowHealth.KafkaRider.Consuming;

/// <summary>What single and batch handlers share: strict deserialization, dispatch, dead-lettering.</summary>
internal abstract class RecordHandler<T>(
    string topic, ReceiveEndpointContext endpoint, IReceivePipeDispatcher dispatcher, DeadLetterPublisher deadLetters, KafkaRiderMetrics metrics)
    : IRecordHandler
    where T : class, ICowMessage
{
    private static readonly JsonTypeInfo<T> TypeInfo = (JsonTypeInfo<T>)CowHealthJson.Default.GetTypeInfo(typeof(T))!;

    protected string Topic { get; } = topic;

    protected KafkaRiderMetrics Metrics { get; } = metrics;

    public abstract Task Handle(
        IReadOnlyList<ConsumeResult<string, byte[]>> records, Guid assignment, PartitionRetry retry, CancellationToken cancellationToken);

    /// <summary>The record's message, or null after parking a record that is not a valid <typeparamref name="T"/>.</summary>
    protected async Task<T?> DeserializeOrPark(ConsumeResult<string, byte[]> record, PartitionRetry retry, CancellationToken cancellationToken)
    {
        string reason;
        Exception? exception = null;
        try
        {
            var message = record.Message.Value is null ? null : JsonSerializer.Deserialize(record.Message.Value, TypeInfo);
            if (message is not null && message.SchemaVersion <= SchemaVersionOf())
            {
                return message;
            }

            reason = message is null
                ? $"Empty record: expected a {typeof(T).Name}."
                : $"Unknown schema version {message.SchemaVersion} of {typeof(T).Name}; this service reads up to {SchemaVersionOf()}.";
        }
        catch (JsonException ex)
        {
            reason = $"Malformed {typeof(T).Name}: {ex.Message}";
            exception = ex;
        }

        await retry.RunToTheEnd(() => deadLetters.Publish(record, reason, exception, cancellationToken), cancellationToken);
        return null;
    }

    /// <summary>Runs one message through the endpoint's consume pipeline; throws what the consumer threw after retries.</summary>
    protected async Task Dispatch<TMessage>(ConsumeResult<string, byte[]> record, TMessage message, CancellationToken cancellationToken)
        where TMessage : class
    {
        var started = Stopwatch.GetTimestamp();
        var context = new KafkaRecordReceiveContext<TMessage>(endpoint, record, message, redelivered: false);
        using var cancellation = cancellationToken.Register(context.Cancel);
        try
        {
            await dispatcher.Dispatch(context, NoLockReceiveContext.Instance);
        }
        finally
        {
            context.Dispose();
            Metrics.DispatchDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, KafkaRiderMetrics.Topic(Topic));
        }
    }

    /// <summary>Parks a record whose handling failed as poison: its own fault, so retrying cannot help.</summary>
    protected Task Park(ConsumeResult<string, byte[]> record, Exception exception, PartitionRetry retry, CancellationToken cancellationToken)
    {
        Metrics.Failed.Add(1, KafkaRiderMetrics.Topic(Topic));
        var cause = exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : exception;
        return retry.RunToTheEnd(
            () => deadLetters.Publish(record, $"Handling failed (poison, {cause.GetType().Name}): {cause.Message}", cause, cancellationToken),
            cancellationToken);
    }

    private static int SchemaVersionOf() => SchemaVersions.Current<T>();
}
