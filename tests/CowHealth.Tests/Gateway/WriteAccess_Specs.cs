using System.Net;
using System.Net.Http.Headers;
using CowHealth.Storage.Alerts;
using CowHealth.Tests.Infrastructure;

namespace CowHealth.Tests.Gateway;

/// <summary>Who may write to the Gateway, and how often: API keys from configuration, per-client rate limits.</summary>
[Collection(PostgresCollection.Name)]
public sealed class WriteAccess_Specs(ThrowawayPostgres postgres)
{
    [Fact]
    public async Task With_no_api_key_configured_every_write_is_refused_with_a_problem_naming_the_setting()
    {
        await using var gateway = await GatewayUnderTest.StartAsync(postgres, "no_keys", withoutKeys: true);
        var alert = await gateway.StoredAlertAsync(AlertStatus.Raised);

        foreach (var key in new[] { null, "any-key-someone-might-guess" })
        {
            using var client = gateway.Client(key);
            var problem = await ProblemBody.ReadAsync(await GatewayUnderTest.Acknowledge(client, alert.AlertId), 403);
            Assert.Contains("Gateway:ApiKeys", problem.Detail);
        }
    }

    [Fact]
    public async Task A_write_without_a_key_or_with_an_unknown_one_is_401_and_says_how_to_send_one()
    {
        await using var gateway = await GatewayUnderTest.StartAsync(postgres, "keys_required");
        var alert = await gateway.StoredAlertAsync(AlertStatus.Raised);

        using var anonymous = gateway.Client();
        var response = await GatewayUnderTest.Acknowledge(anonymous, alert.AlertId);
        var missing = await ProblemBody.ReadAsync(response, 401);
        Assert.Contains("X-Api-Key", missing.Detail);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);

        using var guessing = gateway.Client("farm-app-key-0123456789abcdeX");
        var wrong = await ProblemBody.ReadAsync(await GatewayUnderTest.Acknowledge(guessing, alert.AlertId), 401);
        Assert.Contains("not one this Gateway knows", wrong.Detail);
        Assert.DoesNotContain("0123456789", wrong.Detail);

        using var wrongBearer = gateway.Client();
        wrongBearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-key-of-this-gateway");
        await ProblemBody.ReadAsync(await GatewayUnderTest.Acknowledge(wrongBearer, alert.AlertId), 401);
    }

    [Fact]
    public async Task A_configured_key_is_accepted_in_the_header_or_as_a_bearer_token()
    {
        await using var gateway = await GatewayUnderTest.StartAsync(postgres, "keys_accepted");
        var alert = await gateway.StoredAlertAsync(AlertStatus.Raised);

        using var byHeader = gateway.Client(GatewayUnderTest.FarmAppKey);
        Assert.Equal(HttpStatusCode.Accepted, (await GatewayUnderTest.Acknowledge(byHeader, alert.AlertId)).StatusCode);

        using var byBearer = gateway.Client();
        byBearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", GatewayUnderTest.VetAppKey);
        Assert.Equal(HttpStatusCode.Accepted, (await GatewayUnderTest.Acknowledge(byBearer, alert.AlertId)).StatusCode);
    }

    [Fact]
    public async Task A_client_over_its_write_limit_gets_429_with_Retry_After_while_other_clients_still_write()
    {
        // Two writes at once, then one a minute: the third write within the minute is over the limit.
        await using var gateway = await GatewayUnderTest.StartAsync(postgres, "write_limit", false,
            ("Gateway:WriteBurst", "2"), ("Gateway:WritesPerMinute", "1"));
        var alert = await gateway.StoredAlertAsync(AlertStatus.Raised);
        using var farmApp = gateway.Client(GatewayUnderTest.FarmAppKey);
        using var vetApp = gateway.Client(GatewayUnderTest.VetAppKey);

        Assert.Equal(HttpStatusCode.Accepted, (await GatewayUnderTest.Acknowledge(farmApp, alert.AlertId)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await GatewayUnderTest.Acknowledge(farmApp, alert.AlertId)).StatusCode);
        var refused = await GatewayUnderTest.Acknowledge(farmApp, alert.AlertId);

        var problem = await ProblemBody.ReadAsync(refused, 429);
        Assert.Contains("1 times a minute", problem.Detail);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Accepted, (await GatewayUnderTest.Acknowledge(vetApp, alert.AlertId)).StatusCode);
    }

    [Fact]
    public async Task Requests_without_a_key_do_not_spend_a_clients_writes()
    {
        await using var gateway = await GatewayUnderTest.StartAsync(postgres, "limit_after_auth", false,
            ("Gateway:WriteBurst", "1"), ("Gateway:WritesPerMinute", "1"));
        var alert = await gateway.StoredAlertAsync(AlertStatus.Raised);
        using var anonymous = gateway.Client();
        for (var i = 0; i < 3; i++)
        {
            await ProblemBody.ReadAsync(await GatewayUnderTest.Acknowledge(anonymous, alert.AlertId), 401);
        }

        using var farmApp = gateway.Client(GatewayUnderTest.FarmAppKey);
        Assert.Equal(HttpStatusCode.Accepted, (await GatewayUnderTest.Acknowledge(farmApp, alert.AlertId)).StatusCode);
    }

    [Fact]
    public async Task Reads_are_open_by_default_and_need_a_key_when_configured_while_probes_and_metrics_stay_open()
    {
        await using (var open = await GatewayUnderTest.StartAsync(postgres, "reads_open"))
        {
            using var anonymous = open.Client();
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/cows")).StatusCode);
        }

        await using var keyed = await GatewayUnderTest.StartAsync(postgres, "reads_keyed", false, ("Gateway:ReadsRequireApiKey", "true"));
        using var stranger = keyed.Client();
        await ProblemBody.ReadAsync(await stranger.GetAsync("/api/cows"), 401);
        await ProblemBody.ReadAsync(await stranger.GetAsync("/api/alerts/stream"), 401);
        Assert.Equal(HttpStatusCode.OK, (await stranger.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await stranger.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await stranger.GetAsync("/openapi/v1.json")).StatusCode);

        using var farmApp = keyed.Client(GatewayUnderTest.FarmAppKey);
        Assert.Equal(HttpStatusCode.OK, (await farmApp.GetAsync("/api/cows")).StatusCode);
    }

    [Fact]
    public async Task Keyed_reads_without_any_key_configured_stop_the_gateway_from_starting()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var gateway = await GatewayUnderTest.StartAsync(postgres, "keyed_reads_no_keys", true, ("Gateway:ReadsRequireApiKey", "true"));
        });

        Assert.Contains("Gateway:ReadsRequireApiKey", failure.ToString());
    }
}
