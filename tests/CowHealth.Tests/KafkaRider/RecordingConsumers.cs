using CowHealth.Contracts;
using CowHealth.KafkaRider;
using MassTransit;

namespace CowHealth.Tests.KafkaRider;

/// <summary>Records each reading; fails every time for readings the test marked.</summary>
public sealed class RecordingConsumer(ReceivedReadings received, ConsumerName name) : IConsumer<SensorReading>
{
    public Task Consume(ConsumeContext<SensorReading> context)
    {
        if (received.DependencyAway)
        {
            throw new TimeoutException("The test's database does not answer.");
        }

        if (received.AlwaysFail.ContainsKey(context.Message.ReadingId))
        {
            throw new InvalidOperationException($"The test fails reading {context.Message.ReadingId} every time.");
        }

        received.Add(name.Value, context.Message);
        return received.WorkPerReading > TimeSpan.Zero ? Task.Delay(received.WorkPerReading) : Task.CompletedTask;
    }
}

/// <summary>Records each batch's readings; a batch with a marked reading fails.</summary>
public sealed class RecordingBatchConsumer(ReceivedReadings received, ConsumerName name) : IConsumer<TopicBatch<SensorReading>>
{
    public Task Consume(ConsumeContext<TopicBatch<SensorReading>> context)
    {
        if (received.DependencyAway)
        {
            throw new TimeoutException("The test's database does not answer.");
        }

        if (context.Message.Messages.FirstOrDefault(r => received.AlwaysFail.ContainsKey(r.ReadingId)) is { } failing)
        {
            throw new InvalidOperationException($"The test fails reading {failing.ReadingId} every time.");
        }

        foreach (var reading in context.Message.Messages)
        {
            received.Add(name.Value, reading);
        }

        return Task.CompletedTask;
    }
}

/// <summary>Tells which of several hosts in one consumer group handled a reading.</summary>
public sealed record ConsumerName(string Value);
