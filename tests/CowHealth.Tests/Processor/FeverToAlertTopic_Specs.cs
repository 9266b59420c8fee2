using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using CowHealth.Contracts;
using CowHealth.Storage.Alerts;
using CowHealth.Tests.Detection;
using CowHealth.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CowHealth.Tests.Processor;

/// <summary>
/// The Processor end to end: a cow's readings arrive on Kafka, a fever among them raises an alert
/// (saga state, alert row and outbox event in one transaction), and the relay publishes the
/// alert event to cow-health-alerts.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class FeverToAlertTopic_Specs(ThrowawayPostgres postgres)
{
    [Fact]
    public async Task A_fever_in_the_readings_is_raised_then_escalated_on_the_alerts_topic_as_event_time_passes()
    {
        var database = await postgres.CreateDatabaseAsync("fever_to_topic");
        await using var run = await new LocalRunBuilder()
            .WithPostgres(database)
            .With("Simulation:Mode", "Backfill")
            .With("Simulation:BackfillDays", "0")
            .StartAsync();
        var cow = new CowTimeline(cowId: "F07-C0042", farmId: "F07");
        List<SensorReading> readings =
            [.. cow.Healthy(TimeSpan.FromDays(3)), .. cow.Next(TimeSpan.FromHours(6), new Signature { TemperatureOffsetCelsius = 2.2 })];

        ReadingsOnKafka.Produce(run.KafkaBootstrapServers, readings);
        var raised = ConsumeFirstAlert(run.KafkaBootstrapServers, "AlertRaised");
        // A critical fever nobody acknowledges escalates an hour (of event time) later; the readings run on for hours.
        var escalated = ConsumeFirstAlert(run.KafkaBootstrapServers, "AlertEscalated");

        var alert = JsonSerializer.Deserialize(raised.Message.Value, CowHealthJson.Default.AlertRaised)!;
        Assert.Equal(("F07-C0042", "F07", HealthCondition.Fever), (alert.CowId, alert.FarmId, alert.Condition));
        Assert.Equal("F07-C0042", raised.Message.Key);
        Assert.InRange(alert.OccurredAt, readings[0].MeasuredAt.AddDays(3), readings[^1].MeasuredAt);
        Assert.Equal(CowAlertIdentity.EventOf(alert.AlertId, "AlertRaised", alert.OccurredAt.UtcDateTime).ToString(), Header(raised, "message-id"));
        var escalation = JsonSerializer.Deserialize(escalated.Message.Value, CowHealthJson.Default.AlertEscalated)!;
        Assert.Equal(alert.AlertId, escalation.AlertId);
        Assert.True(escalation.OccurredAt >= alert.OccurredAt.AddHours(1), "escalated no sooner than an hour of event time after it was raised");

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var status = new NpgsqlCommand("SELECT status FROM alerts WHERE alert_id = @id", connection);
        status.Parameters.AddWithValue("id", alert.AlertId);
        Assert.Equal("Escalated", await status.ExecuteScalarAsync());
        await using var readingsStored = new NpgsqlCommand("SELECT count(*) FROM readings", connection);
        Assert.Equal((long)readings.Count, await readingsStored.ExecuteScalarAsync());
    }

    private static ConsumeResult<string, byte[]> ConsumeFirstAlert(string bootstrapServers, string eventType)
    {
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = "spec-" + Guid.NewGuid().ToString("N"),
            AutoOffsetReset = AutoOffsetReset.Earliest,
        }).Build();
        consumer.Subscribe(Topics.Alerts);
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(500)) is { } record && Header(record, "message-type")?.EndsWith(eventType) == true)
            {
                consumer.Close();
                return record;
            }
        }

        throw new TimeoutException($"No {eventType} reached {Topics.Alerts} within 90 s.");
    }

    private static string? Header(ConsumeResult<string, byte[]> record, string key) =>
        record.Message.Headers.TryGetLastBytes(key, out var bytes) ? Encoding.UTF8.GetString(bytes) : null;
}
