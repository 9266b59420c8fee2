using System.Net;
using System.Net.ServerSentEvents;
using CowHealth.Contracts;
using CowHealth.Tests.Infrastructure;
using CowHealth.Tests.Observability;

namespace CowHealth.Tests.Gateway;

/// <summary>
/// <c>GET /api/alerts/stream</c> against alert events published on <c>cow-health-alerts</c> as the
/// Processor's relay publishes them: what a client sees, what a farm filter leaves out, and how a
/// reconnect with <c>Last-Event-ID</c> resumes.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class AlertStream_Specs(ThrowawayPostgres postgres)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    // A short heartbeat lets a spec see when a stream has passed the end of the topic: a heartbeat whose position is the end.
    private static readonly (string, string) QuickHeartbeat = ("Gateway:AlertStream:HeartbeatInterval", "00:00:00.300");

    [Fact]
    public async Task A_stream_sends_each_event_published_after_it_opened_named_after_its_contract_with_its_position_as_id()
    {
        await using var gateway = await GatewayUnderTest.StartAsync(postgres, "stream_live");
        var kafka = gateway.Run.KafkaBootstrapServers;
        AlertEventsOnKafka.Publish(kafka, [AlertEventsOnKafka.Raised("F01-C0001", "F01", 1)]);
        using var client = gateway.Client();
        await using var stream = await SseSession.OpenAsync(client, "/api/alerts/stream");

        Assert.Equal("text/event-stream", stream.Response.Content.Headers.ContentType?.MediaType);
        var opening = await stream.NextAsync(Wait);
        Assert.Equal("heartbeat", opening.EventType);
        // A fresh stream starts at the end: the event published before it opened is not sent.
        Assert.Equal(AlertEventsOnKafka.End(kafka), opening.EventId);

        var published = Enumerable.Range(0, 6).Select(i => AlertEventsOnKafka.Raised($"F01-C000{i}", "F01", 10 + i)).ToList();
        AlertEventsOnKafka.Publish(kafka, published);
        var events = await AlertEvents(stream, published.Count);

        Assert.All(events, e => Assert.Equal(nameof(AlertRaised), e.EventType));
        Assert.Equal(published.Select(p => p.AlertId).Order(), events.Select(e => AlertEventsOnKafka.Read(e.Data).AlertId).Order());
        Assert.Equal(AlertEventsOnKafka.End(kafka), events[^1].EventId);
        Assert.Equal(events.Count, events.Select(e => e.EventId).Distinct().Count());
        var metrics = await ScrapedMetrics.From(gateway.Run.GatewayUrl);
        Assert.Equal(published.Count, metrics.Sum("cowhealth_gateway_alert_stream_events", ("event", nameof(AlertRaised))));
    }

    [Fact]
    public async Task A_farm_filter_sends_that_farms_events_only()
    {
        await using var gateway = await GatewayUnderTest.StartAsync(postgres, "stream_farm", false, QuickHeartbeat);
        var kafka = gateway.Run.KafkaBootstrapServers;
        var start = AlertEventsOnKafka.End(kafka);
        List<AlertRaised> published = [.. Enumerable.Range(0, 8).Select(i => AlertEventsOnKafka.Raised($"F0{1 + (i % 2)}-C00{i}", $"F0{1 + (i % 2)}", i))];
        AlertEventsOnKafka.Publish(kafka, published);
        var end = AlertEventsOnKafka.End(kafka);
        using var client = gateway.Client();

        await using var stream = await SseSession.OpenAsync(client, "/api/alerts/stream?farmId=F02", lastEventId: start);
        var sent = await stream.ReadUntilAsync(e => e.EventType == "heartbeat" && e.EventId == end, Wait);

        var alerts = sent.Where(e => e.EventType != "heartbeat").Select(e => AlertEventsOnKafka.Read(e.Data)).ToList();
        Assert.Equal(published.Where(p => p.FarmId == "F02").Select(p => p.AlertId).Order(), alerts.Select(a => a.AlertId).Order());
    }

    [Fact]
    public async Task Reconnecting_with_Last_Event_ID_sends_exactly_the_events_after_it()
    {
        await using var gateway = await GatewayUnderTest.StartAsync(postgres, "stream_resume", false, QuickHeartbeat);
        var kafka = gateway.Run.KafkaBootstrapServers;
        using var client = gateway.Client();
        await using var first = await SseSession.OpenAsync(client, "/api/alerts/stream");
        await first.NextAsync(Wait);
        var published = Enumerable.Range(0, 12).Select(i => AlertEventsOnKafka.Raised($"F01-C{i:0000}", "F01", i)).ToList();
        AlertEventsOnKafka.Publish(kafka, published);

        // The client has had five events when its connection drops.
        var had = await AlertEvents(first, 5);
        await first.DisposeAsync();
        var end = AlertEventsOnKafka.End(kafka);
        await using var resumed = await SseSession.OpenAsync(client, "/api/alerts/stream", lastEventId: had[^1].EventId);
        var rest = (await resumed.ReadUntilAsync(e => e.EventType == "heartbeat" && e.EventId == end, Wait))
            .Where(e => e.EventType != "heartbeat").ToList();

        var seen = had.Concat(rest).Select(e => AlertEventsOnKafka.Read(e.Data).AlertId).ToList();
        Assert.Equal(published.Count, seen.Count);
        Assert.Equal(published.Select(p => p.AlertId).Order(), seen.Order());
    }

    [Fact]
    public async Task A_resume_from_events_the_topic_no_longer_keeps_says_so_with_a_gap_event_then_goes_on_from_the_oldest_kept()
    {
        await using var gateway = await GatewayUnderTest.StartAsync(postgres, "stream_gap");
        var kafka = gateway.Run.KafkaBootstrapServers;
        var start = AlertEventsOnKafka.End(kafka);
        AlertEventsOnKafka.Overflow(kafka, "F01-C0001");
        using var client = gateway.Client();

        await using var stream = await SseSession.OpenAsync(client, "/api/alerts/stream", lastEventId: start);
        var opening = await stream.NextAsync(Wait);
        var gap = await stream.NextAsync(Wait);

        Assert.Equal("heartbeat", opening.EventType);
        Assert.Equal("gap", gap.EventType);
        using var gapJson = System.Text.Json.JsonDocument.Parse(gap.Data);
        var partition = gapJson.RootElement.GetProperty("partition").GetInt32();
        var resumedAt = gapJson.RootElement.GetProperty("resumedAtOffset").GetInt64();
        Assert.Equal(0, gapJson.RootElement.GetProperty("requestedOffset").GetInt64());
        Assert.True(resumedAt > 0, "the oldest records were dropped");
        Assert.Contains($"{partition}:{resumedAt}", opening.EventId);
        var oldestKept = await stream.NextAsync(Wait);
        Assert.Contains($"{partition}:{resumedAt + 1}", oldestKept.EventId);
    }

    [Fact]
    public async Task A_malformed_or_foreign_Last_Event_ID_or_farm_is_a_400_naming_it()
    {
        await using var gateway = await GatewayUnderTest.StartAsync(postgres, "stream_bad_input");
        using var client = gateway.Client();

        foreach (var (lastEventId, query, field) in new[]
        {
            ("yesterday", "", "Last-Event-ID"),
            ("0:1,0:2", "", "Last-Event-ID"),
            ("0:-1", "", "Last-Event-ID"),
            ("0:1,1:1,2:1,99:1", "", "Last-Event-ID"),
            (new string('1', 5_000), "", "Last-Event-ID"),
            (null, "?farmId=" + new string('F', 65), "farmId"),
            (null, "?farmId=", "farmId"),
        })
        {
            await using var stream = await SseSession.OpenAsync(client, "/api/alerts/stream" + query, lastEventId);

            var problem = await ProblemBody.ReadAsync(stream.Response, 400);
            Assert.True(problem.Errors?.ContainsKey(field), $"{lastEventId}{query}: expected an error for {field}");
        }
    }

    [Fact]
    public async Task Streams_beyond_the_limit_get_503_and_a_closed_stream_frees_its_place()
    {
        await using var gateway = await GatewayUnderTest.StartAsync(postgres, "stream_limit", false, ("Gateway:AlertStream:MaxStreams", "1"));
        using var client = gateway.Client();
        var first = await SseSession.OpenAsync(client, "/api/alerts/stream");
        await first.NextAsync(Wait);

        Assert.Equal(1, (await ScrapedMetrics.From(gateway.Run.GatewayUrl)).Sum("cowhealth_gateway_alert_streams_open"));
        await using (var second = await SseSession.OpenAsync(client, "/api/alerts/stream"))
        {
            await ProblemBody.ReadAsync(second.Response, 503);
            Assert.NotNull(second.Response.Headers.RetryAfter);
        }

        await first.DisposeAsync();
        await Eventually.Until(
            async () => (await ScrapedMetrics.From(gateway.Run.GatewayUrl)).Sum("cowhealth_gateway_alert_streams_open") == 0 ? "" : null,
            Wait,
            "the closed stream to be counted closed");
        var third = await Eventually.Until(
            async () =>
            {
                var attempt = await SseSession.OpenAsync(client, "/api/alerts/stream");
                if (attempt.Response.StatusCode == HttpStatusCode.OK)
                {
                    return attempt;
                }

                await attempt.DisposeAsync();
                return null;
            },
            Wait,
            "the closed stream's place to be free");
        await using (third)
        {
            Assert.Equal("heartbeat", (await third.NextAsync(Wait)).EventType);
        }
    }

    [Fact]
    public async Task While_Kafka_is_unreachable_a_stream_says_unavailable_instead_of_heartbeats_and_afterwards_sends_every_event_of_the_outage()
    {
        await using var gateway = await GatewayUnderTest.StartAsync(postgres, "stream_outage", false, QuickHeartbeat);
        var kafka = gateway.Run.KafkaBootstrapServers;
        var broker = gateway.Run.EmbeddedBroker!;
        using var client = gateway.Client();
        await using var stream = await SseSession.OpenAsync(client, "/api/alerts/stream");
        var before = AlertEventsOnKafka.Raised("F01-C0001", "F01", 1);
        AlertEventsOnKafka.Publish(kafka, [before]);
        var beforeOutage = await AlertEvents(stream, 1);

        broker.SetBrokerDown(1);
        List<AlertRaised> duringOutage = [.. Enumerable.Range(0, 3).Select(i => AlertEventsOnKafka.Raised($"F01-C01{i:00}", "F01", 10 + i))];
        Task publishing;
        SseItem<string> unavailable;
        try
        {
            var sentWhileDown = await stream.ReadUntilAsync(e => e.EventType == "unavailable", TimeSpan.FromSeconds(60));
            unavailable = sentWhileDown[^1];
            // Handed to a producer while the broker is down: they reach the topic when it is back.
            publishing = Task.Run(() => AlertEventsOnKafka.Publish(kafka, duringOutage));
            var next = await stream.NextAsync(Wait);
            Assert.Equal("unavailable", next.EventType);
        }
        finally
        {
            broker.SetBrokerUp(1);
        }

        await publishing;
        using var reason = System.Text.Json.JsonDocument.Parse(unavailable.Data);
        Assert.False(string.IsNullOrWhiteSpace(reason.RootElement.GetProperty("reason").GetString()));
        Assert.Equal(beforeOutage[0].EventId, unavailable.EventId);

        List<AlertRaised> afterOutage = [AlertEventsOnKafka.Raised("F01-C0200", "F01", 20)];
        AlertEventsOnKafka.Publish(kafka, afterOutage);
        var end = AlertEventsOnKafka.End(kafka);
        var afterwards = await stream.ReadUntilAsync(e => e.EventType == "heartbeat" && e.EventId == end, Wait);

        var alerts = afterwards.Where(e => e.EventType == nameof(AlertRaised)).Select(e => AlertEventsOnKafka.Read(e.Data).AlertId).ToList();
        Assert.Equal(duringOutage.Concat(afterOutage).Select(a => a.AlertId).Order(), alerts.Order());
        // Once the feed reads again nothing says unavailable any more: the last word before the end was a heartbeat.
        Assert.Equal("heartbeat", afterwards[^1].EventType);
        Assert.DoesNotContain(afterwards.SkipWhile(e => e.EventType != nameof(AlertRaised)), e => e.EventType == "unavailable");
    }

    private static async Task<List<SseItem<string>>> AlertEvents(SseSession stream, int count)
    {
        List<SseItem<string>> events = [];
        while (events.Count < count)
        {
            var item = await stream.NextAsync(Wait);
            if (item.EventType != "heartbeat")
            {
                events.Add(item);
            }
        }

        return events;
    }
}
