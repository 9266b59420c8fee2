using System.Net;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text.Json;
using CowHealth.Contracts;
using CowHealth.Tests.Detection;
using CowHealth.Tests.Infrastructure;

namespace CowHealth.Tests.Gateway;

/// <summary>
/// The acknowledgement through the whole system: a fever in a cow's readings raises an alert in the
/// Processor, the live stream shows it, a vet acknowledges it at the Gateway, the command reaches
/// the Processor's saga over Kafka, the alert reads Acknowledged and the stream shows the step; a
/// client that reconnects with the id of the alert's first event gets exactly what came after it.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class AcknowledgeEndToEnd_Specs(ThrowawayPostgres postgres)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task An_alert_acknowledged_at_the_gateway_reads_acknowledged_and_the_stream_shows_it_and_a_resume_gets_exactly_the_rest()
    {
        await using var gateway = await GatewayUnderTest.StartAsync(postgres, "ack_end_to_end", false,
            ("Gateway:AlertStream:HeartbeatInterval", "00:00:00.300"));
        using var reader = gateway.Client();
        using var vet = gateway.Client(GatewayUnderTest.VetAppKey);
        await using var stream = await SseSession.OpenAsync(reader, "/api/alerts/stream?farmId=F07");
        await stream.NextAsync(Wait);

        var cow = new CowTimeline(cowId: "F07-C0042", farmId: "F07");
        ReadingsOnKafka.Produce(gateway.Run.KafkaBootstrapServers,
            [.. cow.Healthy(TimeSpan.FromDays(3)), .. cow.Next(TimeSpan.FromHours(6), new Signature { TemperatureOffsetCelsius = 2.2 })]);
        var raised = (await stream.ReadUntilAsync(e => e.EventType == nameof(AlertRaised), Wait))[^1];
        var alertId = JsonSerializer.Deserialize(raised.Data, CowHealthJson.Default.AlertRaised)!.AlertId;

        var response = await GatewayUnderTest.Acknowledge(vet, alertId, "Jo Vet", "treating with NSAID");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal($"/api/alerts/{alertId}", response.Headers.Location?.OriginalString);

        var untilAcknowledged = await stream.ReadUntilAsync(e => e.EventType == nameof(AlertAcknowledged), Wait);
        var acknowledged = JsonSerializer.Deserialize(untilAcknowledged[^1].Data, CowHealthJson.Default.AlertAcknowledged)!;
        Assert.Equal((alertId, "Jo Vet", "treating with NSAID"), (acknowledged.AlertId, acknowledged.AcknowledgedBy, acknowledged.Note));
        var alert = await reader.GetFromJsonAsync<JsonElement>(response.Headers.Location!.OriginalString);
        Assert.Equal("acknowledged", alert.GetProperty("alert").GetProperty("status").GetString(), ignoreCase: true);
        Assert.Equal("Jo Vet", alert.GetProperty("alert").GetProperty("acknowledgedBy").GetString());
        Assert.Contains(alert.GetProperty("history").EnumerateArray(), step => step.GetProperty("eventType").GetString() == nameof(AlertAcknowledged));

        // Everything this farm's stream had after the alert was raised, up to where the topic ended then (the
        // Processor may still publish later steps of other conditions: both streams are cut at the same place)...
        var end = AlertEventsOnKafka.End(gateway.Run.KafkaBootstrapServers);
        var hadAfterRaised = Events([.. untilAcknowledged, .. await stream.ReadUntilAsync(e => AlertEventsOnKafka.Reached(e.EventId, end), Wait)], end);
        await stream.DisposeAsync();
        // ...is what a reconnect with the AlertRaised event's id gets, no more, no fewer, in the same order.
        await using var resumed = await SseSession.OpenAsync(reader, "/api/alerts/stream?farmId=F07", lastEventId: raised.EventId);
        var afterRaised = Events(await resumed.ReadUntilAsync(e => AlertEventsOnKafka.Reached(e.EventId, end), Wait), end);

        Assert.Equal(hadAfterRaised, afterRaised);
        Assert.Contains(afterRaised, e => e.Type == nameof(AlertAcknowledged));
    }

    private static List<(string Type, string Data, string? Id)> Events(IEnumerable<SseItem<string>> items, string end) =>
        [.. items.Where(e => e.EventType != "heartbeat" && AlertEventsOnKafka.Within(e.EventId, end)).Select(e => (e.EventType, e.Data, e.EventId))];
}
