using System.Diagnostics;
using System.Net;
using CowHealth.Tests.Infrastructure;
using CowHealth.Tests.Observability;
using Xunit.Abstractions;

namespace CowHealth.Tests.Gateway;

/// <summary>
/// Many open live streams (a herd page on every phone) served by one shared reader of
/// <c>cow-health-alerts</c> per Gateway, with limits per client rather than a small global cap.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SharedAlertFeed_Specs(ThrowawayPostgres postgres, ITestOutputHelper output)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Five_hundred_open_streams_each_get_every_event_exactly_once_without_a_kafka_reader_each()
    {
        const int Streams = 500;
        await using var gateway = await GatewayUnderTest.StartAsync(postgres, "stream_fan_out", false,
            ("Gateway:AlertStream:HeartbeatInterval", "00:00:01"), ("Gateway:AlertStream:MaxStreamsPerClient", "1000"));
        var kafka = gateway.Run.KafkaBootstrapServers;
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 2 * Streams };
        using var client = new HttpClient(handler) { BaseAddress = gateway.Run.GatewayUrl, Timeout = Timeout.InfiniteTimeSpan };
        using var process = Process.GetCurrentProcess();
        var threadsBefore = process.Threads.Count;
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);

        var streams = new List<SseSession>();
        try
        {
            for (var i = 0; i < Streams; i++)
            {
                var stream = await SseSession.OpenAsync(client, "/api/alerts/stream");
                streams.Add(stream);
                Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
            }

            // The opening heartbeat comes once the stream has its place in the feed.
            await Task.WhenAll(streams.Select(s => s.NextAsync(Wait)));
            process.Refresh();
            var threadsAdded = process.Threads.Count - threadsBefore;
            var heapPerStream = (GC.GetTotalMemory(forceFullCollection: true) - heapBefore) / Streams;
            output.WriteLine($"{Streams} streams open: {threadsAdded} threads more in the process, managed heap {heapPerStream / 1024.0:0.0} KB more per stream (server and client sides together)");
            Assert.Equal(Streams, (await ScrapedMetrics.From(gateway.Run.GatewayUrl)).Sum("cowhealth_gateway_alert_streams_open"));
            // A Kafka consumer runs several threads of its own; one per stream would add thousands.
            Assert.True(threadsAdded < 200, $"{threadsAdded} threads were added for {Streams} streams");

            var published = Enumerable.Range(0, 30).Select(i => AlertEventsOnKafka.Raised($"F0{1 + (i % 3)}-C{i:0000}", $"F0{1 + (i % 3)}", i)).ToList();
            AlertEventsOnKafka.Publish(kafka, published);
            var end = AlertEventsOnKafka.End(kafka);
            var received = await Task.WhenAll(streams.Select(s => s.ReadUntilAsync(e => e.EventType == "heartbeat" && e.EventId == end, Wait)));

            var expected = published.Select(p => p.AlertId).Order().ToList();
            Assert.All(received, events =>
                Assert.Equal(expected, events.Where(e => e.EventType != "heartbeat").Select(e => AlertEventsOnKafka.Read(e.Data).AlertId).Order()));
        }
        finally
        {
            foreach (var stream in streams)
            {
                await stream.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_client_past_its_own_stream_limit_gets_429_while_other_clients_still_get_streams()
    {
        await using var gateway = await GatewayUnderTest.StartAsync(postgres, "stream_per_client", false, ("Gateway:AlertStream:MaxStreamsPerClient", "2"));
        using var farmApp = gateway.Client(GatewayUnderTest.FarmAppKey);
        using var vetApp = gateway.Client(GatewayUnderTest.VetAppKey);
        await using var first = await SseSession.OpenAsync(farmApp, "/api/alerts/stream");
        await using var second = await SseSession.OpenAsync(farmApp, "/api/alerts/stream");
        await first.NextAsync(Wait);
        await second.NextAsync(Wait);

        await using (var third = await SseSession.OpenAsync(farmApp, "/api/alerts/stream"))
        {
            await ProblemBody.ReadAsync(third.Response, 429);
            Assert.NotNull(third.Response.Headers.RetryAfter);
        }

        await using var vets = await SseSession.OpenAsync(vetApp, "/api/alerts/stream");
        Assert.Equal("heartbeat", (await vets.NextAsync(Wait)).EventType);
    }
}
