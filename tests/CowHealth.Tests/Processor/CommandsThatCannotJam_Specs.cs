using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using CowHealth.Contracts;
using CowHealth.EmbeddedKafka;
using CowHealth.KafkaRider;
using CowHealth.Storage.Alerts;
using CowHealth.Tests.Gateway;
using CowHealth.Tests.Infrastructure;

namespace CowHealth.Tests.Processor;

/// <summary>
/// The commands partition keeps flowing whatever arrives on it: a command that is not one goes to
/// <c>cow-health-commands.dlq</c>, and the commands behind it are answered.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CommandsThatCannotJam_Specs(ThrowawayPostgres postgres)
{
    [Fact]
    public async Task A_malformed_command_is_parked_and_the_command_behind_it_is_answered()
    {
        var database = await postgres.CreateDatabaseAsync("commands");
        await using var broker = await EmbeddedKafkaBroker.StartAsync(new EmbeddedKafkaOptions { GroupInitialRebalanceDelay = TimeSpan.Zero });
        using var processor = ProcessorProcess.Start(broker.BootstrapServers, database);
        var behind = new AcknowledgeAlert(Guid.NewGuid(), "F01-C0001", "Anna", null, DateTimeOffset.UtcNow) { AcknowledgementId = Guid.NewGuid() };

        using (var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = broker.BootstrapServers, EnableIdempotence = true }).Build())
        {
            // Same key, so the same partition, in this order.
            await producer.ProduceAsync(Topics.Commands, new Message<string, byte[]> { Key = "F01-C0001", Value = "{\"alertId\": 42"u8.ToArray() });
            await producer.ProduceAsync(Topics.Commands, new Message<string, byte[]>
            {
                Key = behind.CowId,
                Value = JsonSerializer.SerializeToUtf8Bytes(behind, CowHealthJson.Default.AcknowledgeAlert),
            });
        }

        var answer = TopicRecords.First(broker.BootstrapServers, Topics.Alerts,
            r => Header(r, MessageHeaders.MessageId) == CowAlertIdentity.AnswerTo(behind).ToString(), TimeSpan.FromSeconds(90));
        Assert.Contains("No alert with this id", Encoding.UTF8.GetString(answer.Message.Value));
        var parked = Assert.Single(TopicRecords.All(broker.BootstrapServers, Topics.CommandsDeadLetter));
        Assert.Equal("F01-C0001", parked.Message.Key);
        Assert.StartsWith("Malformed AcknowledgeAlert", Header(parked, MessageHeaders.DeadLetterReason));
        Assert.Equal(Topics.Commands, Header(parked, MessageHeaders.DeadLetterOriginalTopic));
    }

    private static string? Header(ConsumeResult<string, byte[]> record, string key) =>
        record.Message.Headers?.TryGetLastBytes(key, out var bytes) == true ? Encoding.UTF8.GetString(bytes) : null;
}
