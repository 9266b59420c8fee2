using System.Text.Json;
using Confluent.Kafka;
using CowHealth.Contracts;

namespace CowHealth.Testing;

/// <summary>Puts readings on <see cref="Topics.Readings"/> the way a bolus gateway would: keyed by cow, JSON, idempotent.</summary>
public static class ReadingsOnKafka
{
    /// <summary>Sends every reading and returns once the broker has acknowledged them all.</summary>
    public static void Produce(string bootstrapServers, IEnumerable<SensorReading> readings)
    {
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig
        {
            BootstrapServers = bootstrapServers,
            EnableIdempotence = true,
            LingerMs = 20,
            BatchNumMessages = 10_000,
        }).Build();
        foreach (var reading in readings)
        {
            var record = new Message<string, byte[]>
            {
                Key = reading.CowId,
                Value = JsonSerializer.SerializeToUtf8Bytes(reading, CowHealthJson.Default.SensorReading),
            };
            while (true)
            {
                try
                {
                    producer.Produce(Topics.Readings, record);
                    break;
                }
                catch (ProduceException<string, byte[]> ex) when (ex.Error.Code == ErrorCode.Local_QueueFull)
                {
                    producer.Poll(TimeSpan.FromMilliseconds(10));
                }
            }
        }

        var unsent = producer.Flush(TimeSpan.FromMinutes(2));
        if (unsent > 0)
        {
            throw new InvalidOperationException($"{unsent} readings were still unacknowledged after two minutes.");
        }
    }
}
