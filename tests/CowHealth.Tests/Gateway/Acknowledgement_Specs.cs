using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CowHealth.Contracts;
using CowHealth.Storage.Alerts;
using CowHealth.Tests.Infrastructure;
using CowHealth.Tests.Observability;

namespace CowHealth.Tests.Gateway;

/// <summary>
/// <c>POST /api/alerts/{alertId}/acknowledge</c> on its own: what it checks in storage, what it puts
/// on <c>cow-health-commands</c>, and how it answers a body or id that is wrong.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class Acknowledgement_Specs(ThrowawayPostgres postgres)
{
    [Fact]
    public async Task An_open_alert_is_acknowledged_by_a_command_keyed_by_its_cow_and_a_202_pointing_at_the_alert()
    {
        await using var gateway = await GatewayUnderTest.StartAsync(postgres, "ack_accepted");
        var alert = await gateway.StoredAlertAsync(AlertStatus.Escalated, cowId: "F02-C0031", farmId: "F02");
        using var client = gateway.Client(GatewayUnderTest.VetAppKey);

        var response = await GatewayUnderTest.Acknowledge(client, alert.AlertId, "  Jo Vet  ", "treating for mastitis");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal($"/api/alerts/{alert.AlertId}", response.Headers.Location?.OriginalString);
        var accepted = await response.Content.ReadFromJsonAsync<AcceptedBody>();
        Assert.Equal((alert.AlertId, "F02-C0031", "Jo Vet", "treating for mastitis"), (accepted!.AlertId, accepted.CowId, accepted.AcknowledgedBy, accepted.Note));

        var record = TopicRecords.First(gateway.Run.KafkaBootstrapServers, Topics.Commands, _ => true, TimeSpan.FromSeconds(30));
        Assert.Equal("F02-C0031", record.Message.Key);
        var command = JsonSerializer.Deserialize(record.Message.Value, CowHealthJson.Default.AcknowledgeAlert)!;
        Assert.Equal((alert.AlertId, "F02-C0031", "Jo Vet", "treating for mastitis"), (command.AlertId, command.CowId, command.AcknowledgedBy, command.Note));
        Assert.Equal(accepted.RequestedAt, command.RequestedAt);
        var metrics = await ScrapedMetrics.From(gateway.Run.GatewayUrl);
        Assert.Equal(1, metrics.Sum("cowhealth_gateway_acknowledgements", ("outcome", "accepted")));
    }

    [Fact]
    public async Task An_unknown_alert_is_404_and_a_resolved_one_is_409_and_neither_sends_a_command()
    {
        await using var gateway = await GatewayUnderTest.StartAsync(postgres, "ack_refused");
        var resolved = await gateway.StoredAlertAsync(AlertStatus.Resolved);
        using var client = gateway.Client(GatewayUnderTest.FarmAppKey);
        var unknown = Guid.NewGuid();

        var notFound = await ProblemBody.ReadAsync(await GatewayUnderTest.Acknowledge(client, unknown), 404);
        var conflict = await ProblemBody.ReadAsync(await GatewayUnderTest.Acknowledge(client, resolved.AlertId), 409);

        Assert.Contains(unknown.ToString(), notFound.Detail);
        Assert.Contains("already resolved", conflict.Detail);
        var metrics = await ScrapedMetrics.From(gateway.Run.GatewayUrl);
        Assert.Equal((1, 1, 0), (metrics.Sum("cowhealth_gateway_acknowledgements", ("outcome", "unknown_alert")),
            metrics.Sum("cowhealth_gateway_acknowledgements", ("outcome", "already_resolved")),
            metrics.Sum("cowhealth_gateway_acknowledgements", ("outcome", "accepted"))));
        // A later, accepted acknowledgement is the first command on the topic: the refused ones sent none.
        var open = await gateway.StoredAlertAsync(AlertStatus.Raised, cowId: "F01-C0002");
        Assert.Equal(HttpStatusCode.Accepted, (await GatewayUnderTest.Acknowledge(client, open.AlertId)).StatusCode);
        var first = TopicRecords.First(gateway.Run.KafkaBootstrapServers, Topics.Commands, _ => true, TimeSpan.FromSeconds(30));
        Assert.Equal(open.AlertId, JsonSerializer.Deserialize(first.Message.Value, CowHealthJson.Default.AcknowledgeAlert)!.AlertId);
    }

    private static readonly (string Name, string ContentType, string Body, int Status, string Field)[] BadBodies =
    [
        ("no acknowledgedBy", "application/json", """{"note":"x"}""", 400, "acknowledgedBy"),
        ("blank acknowledgedBy", "application/json", """{"acknowledgedBy":"   "}""", 400, "acknowledgedBy"),
        ("acknowledgedBy too long", "application/json", $$"""{"acknowledgedBy":"{{new string('a', 201)}}"}""", 400, "acknowledgedBy"),
        ("line break in the name", "application/json", """{"acknowledgedBy":"Jo\nVet"}""", 400, "acknowledgedBy"),
        ("note too long", "application/json", $$"""{"acknowledgedBy":"Jo","note":"{{new string('n', 2001)}}"}""", 400, "note"),
        ("a number for a name", "application/json", """{"acknowledgedBy":42}""", 400, "acknowledgedBy"),
        ("a misspelt field", "application/json", """{"acknowledgedBy":"Jo","notes":"x"}""", 400, "notes"),
        ("a field twice", "application/json", """{"acknowledgedBy":"Jo","acknowledgedBy":"Al"}""", 400, "acknowledgedBy"),
        ("not JSON", "application/json", "acknowledged by Jo", 400, "body"),
        ("cut-off JSON", "application/json", """{"acknowledgedBy":"Jo""", 400, "acknowledgedBy"),
        ("JSON null", "application/json", "null", 400, "body"),
        ("a JSON array", "application/json", """["Jo"]""", 400, "body"),
        ("an empty body", "application/json", "", 400, "body"),
        ("form data", "application/x-www-form-urlencoded", "acknowledgedBy=Jo", 415, ""),
        ("plain text", "text/plain", """{"acknowledgedBy":"Jo"}""", 415, ""),
        ("an oversized body", "application/json", $$"""{"acknowledgedBy":"Jo","note":"{{new string('n', 40_000)}}"}""", 413, ""),
    ];

    [Fact]
    public async Task Every_malformed_body_is_a_4xx_problem_naming_what_is_wrong_and_sends_no_command()
    {
        await using var gateway = await GatewayUnderTest.StartAsync(postgres, "ack_bad_bodies", false, ("Gateway:WriteBurst", "1000"));
        var alert = await gateway.StoredAlertAsync(AlertStatus.Raised);
        using var client = gateway.Client(GatewayUnderTest.FarmAppKey);

        foreach (var (name, contentType, body, status, field) in BadBodies)
        {
            using var content = new StringContent(body, Encoding.UTF8);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
            var response = await client.PostAsync($"/api/alerts/{alert.AlertId}/acknowledge", content);

            var problem = await ProblemBody.ReadAsync(response, status);
            if (field.Length > 0)
            {
                Assert.True(problem.Errors?.ContainsKey(field) == true, $"{name}: expected an error for '{field}', got {string.Join(", ", problem.Errors?.Keys.ToList() ?? [])}");
            }
        }

        using var nothing = new ByteArrayContent([]);
        await ProblemBody.ReadAsync(await client.PostAsync($"/api/alerts/{alert.AlertId}/acknowledge", nothing), 415);
        Assert.Throws<TimeoutException>(() =>
            TopicRecords.First(gateway.Run.KafkaBootstrapServers, Topics.Commands, _ => true, TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public async Task An_alert_id_that_is_not_a_uuid_is_a_400_naming_alertId()
    {
        await using var gateway = await GatewayUnderTest.StartAsync(postgres, "ack_bad_id");
        using var client = gateway.Client(GatewayUnderTest.FarmAppKey);

        foreach (var alertId in new[] { "not-a-uuid", "12345", "00000000-0000-0000-0000-00000000000g", new string('9', 500) })
        {
            var response = await client.PostAsJsonAsync($"/api/alerts/{alertId}/acknowledge", new { acknowledgedBy = "Jo" });

            var problem = await ProblemBody.ReadAsync(response, 400);
            Assert.True(problem.Errors?.ContainsKey("alertId"), alertId);
        }
    }

    private sealed record AcceptedBody(Guid AlertId, string CowId, string AcknowledgedBy, string? Note, DateTimeOffset RequestedAt);
}
