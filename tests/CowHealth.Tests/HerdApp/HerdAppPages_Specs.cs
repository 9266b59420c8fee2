using System.Net;
using CowHealth.Storage.Alerts;
using CowHealth.Tests.Detection;
using CowHealth.Tests.Gateway;
using CowHealth.Tests.Infrastructure;

namespace CowHealth.Tests.HerdApp;

/// <summary>The herd app's pages over HTTP: bad addresses get a page that says what is wrong, sign-in guards them when reads need a key.</summary>
[Collection(PostgresCollection.Name)]
public sealed class HerdAppPages_Specs(ThrowawayPostgres postgres)
{
    [Fact]
    public async Task Malformed_page_addresses_get_a_4xx_page_that_names_the_problem_never_a_5xx()
    {
        await using var gateway = await GatewayUnderTest.StartAsync(postgres, "app_bad_input");
        var alert = await gateway.StoredAlertAsync(AlertStatus.Raised);
        using var client = gateway.Client();

        (string Path, HttpStatusCode Status, string Says)[] cases =
        [
            ("/?condition=Flu", HttpStatusCode.BadRequest, "condition: 'Flu' is not one of"),
            ("/?farm=a%20b", HttpStatusCode.BadRequest, "farm: may only have letters"),
            ("/?farm=" + new string('x', 300), HttpStatusCode.BadRequest, "farm: is longer than"),
            ("/cows/bad%20cow", HttpStatusCode.BadRequest, "cowId: may only have letters"),
            ("/cows/F01-C0007?days=2", HttpStatusCode.BadRequest, "days: is 1, 7 or 30."),
            ("/cows/F01-C0007?days=%00", HttpStatusCode.BadRequest, "days: is 1, 7 or 30."),
            ("/cows/no-such-cow", HttpStatusCode.NotFound, "No cow with id no-such-cow has sent a reading."),
            ("/alerts/not-a-uuid", HttpStatusCode.BadRequest, "is not a UUID"),
            ($"/alerts/{Guid.Empty}", HttpStatusCode.NotFound, "Unknown alert"),
            ($"/alerts/{alert.AlertId}", HttpStatusCode.OK, "Fever"),
            ("/app/herd-board?condition=%27%3B", HttpStatusCode.BadRequest, "condition:"),
        ];
        foreach (var (path, status, says) in cases)
        {
            using var response = await client.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == status, $"GET {path} answered {(int)response.StatusCode}, not {(int)status}: {body[..Math.Min(body.Length, 400)]}");
            Assert.Contains(says, WebUtility.HtmlDecode(body));
        }
    }

    [Fact]
    public async Task Each_page_on_PostgreSQL_shows_the_stored_herd_and_its_alert()
    {
        await using var gateway = await GatewayUnderTest.StartAsync(postgres, "app_pages");
        ReadingsOnKafka.Produce(gateway.Run.KafkaBootstrapServers, new CowTimeline(cowId: "F01-C0007", farmId: "F01").Healthy(TimeSpan.FromHours(3)));
        var alert = await gateway.StoredAlertAsync(AlertStatus.Raised, cowId: "F01-C0007");
        using var client = gateway.Client();
        await Eventually.Until(async () => (await client.GetAsync("/api/cows/F01-C0007")).IsSuccessStatusCode ? "" : null, TimeSpan.FromSeconds(60), "the cow's readings to be stored");

        foreach (var (path, says) in new[] { ("/", $"data-alert-id=\"{alert.AlertId}\""), ("/?farm=F01&condition=Fever", "F01-C0007"), ("/cows/F01-C0007?days=7", "chart-temperature"), ($"/alerts/{alert.AlertId}", "Timeline"), ("/app/herd-board", "Action list") })
        {
            using var response = await client.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 400)]}");
            Assert.Contains(says, body);
        }
    }

    [Fact]
    public async Task When_reads_need_a_key_the_pages_send_a_stranger_to_sign_in_and_the_api_still_answers_401()
    {
        await using var gateway = await GatewayUnderTest.StartAsync(postgres, "app_sign_in", false, ("Gateway:ReadsRequireApiKey", "true"));
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = gateway.Run.GatewayUrl };

        using var page = await client.GetAsync("/cows/F01-C0007?days=7");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/sign-in?returnUrl=%2Fcows%2FF01-C0007%3Fdays%3D7", page.Headers.Location?.PathAndQuery);

        using var signIn = await client.GetAsync("/sign-in");
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("type=\"password\"", await signIn.Content.ReadAsStringAsync());

        using var api = await client.GetAsync("/api/cows");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        await using var gateway = await GatewayUnderTest.StartAsync(postgres, "app_antiforgery");
        using var client = gateway.Client();

        using var signIn = await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["Form.Key"] = GatewayUnderTest.FarmAppKey,
        }));
        using var signOut = await client.PostAsync("/sign-out", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
        Assert.DoesNotContain(signIn.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("cowhealth-signin", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.BadRequest, signOut.StatusCode);
    }
}
