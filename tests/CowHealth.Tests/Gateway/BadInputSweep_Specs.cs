using System.Net.Http.Json;
using System.Text.Json;
using CowHealth.Storage.Alerts;
using CowHealth.Tests.Detection;
using CowHealth.Tests.Infrastructure;
using Xunit.Abstractions;

namespace CowHealth.Tests.Gateway;

/// <summary>
/// Hundreds of malformed requests, derived from the Gateway's own OpenAPI document so that every
/// endpoint is covered, including ones added later: no client mistake may yield a 5xx, and every
/// 4xx must be a problem+json that says what is wrong.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class BadInputSweep_Specs(ThrowawayPostgres postgres, ITestOutputHelper output)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task No_malformed_request_to_any_endpoint_gets_a_5xx_and_every_4xx_is_a_problem()
    {
        await using var gateway = await GatewayUnderTest.StartAsync(postgres, "bad_input_sweep", false,
            ("Gateway:WriteBurst", "100000"), ("Gateway:WritesPerMinute", "100000"), ("Gateway:AlertStream:MaxStreams", "1000"));
        var cow = new CowTimeline(cowId: "F01-C0001", farmId: "F01");
        ReadingsOnKafka.Produce(gateway.Run.KafkaBootstrapServers, cow.Healthy(TimeSpan.FromHours(6)));
        var alert = await gateway.StoredAlertAsync(AlertStatus.Raised, cowId: "F01-C0001");
        using var client = gateway.Client(GatewayUnderTest.FarmAppKey);
        await Eventually.Until(async () => (await client.GetAsync("/api/cows/F01-C0001")).IsSuccessStatusCode ? "" : null, Wait, "the cow's readings to be stored");
        // Values that are valid where a spec varies another parameter, so requests get past the path to the rest.
        var valid = new Dictionary<string, string> { ["cowId"] = cow.CowId, ["alertId"] = alert.AlertId.ToString(), ["farmId"] = "F01" };

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var operations = OpenApiOperation.AllIn(document);
        var requests = operations.SelectMany(o => MalformedRequests.For(o, valid))
            .Concat(operations.GroupBy(o => o.PathTemplate).SelectMany(path => MalformedRequests.WrongMethods(path.Key, path.Select(o => o.Method), valid)))
            .ToList();

        List<string> failures = [];
        List<string> accepted = [];
        List<string> rejectedByKestrel = [];
        var byStatus = new SortedDictionary<int, int>();
        foreach (var malformed in requests)
        {
            var (status, failure) = await Send(client, malformed);
            byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
            if (failure == KestrelRejection)
            {
                rejectedByKestrel.Add(malformed.ToString());
            }
            else if (failure is not null)
            {
                failures.Add($"{malformed} -> {failure}");
            }
            else if (status < 400)
            {
                accepted.Add($"{status} {malformed}");
            }
        }

        output.WriteLine($"{requests.Count} requests over {operations.Count} operations ({string.Join(", ", operations)}); answers: {string.Join(", ", byStatus.Select(s => $"{s.Key} ×{s.Value}"))}");
        output.WriteLine($"Refused by Kestrel before the application (400, empty, connection closed): {string.Join("; ", rejectedByKestrel)}");
        output.WriteLine("Answered with success (tolerated input):\n  " + string.Join("\n  ", accepted));
        Assert.True(requests.Count >= 300, $"only {requests.Count} requests were generated");
        Assert.True(operations.Count >= 8, "the OpenAPI document describes every endpoint");
        Assert.True(failures.Count == 0, $"{failures.Count} of {requests.Count} answers were wrong:\n" + string.Join("\n", failures.Take(60)));
    }

    /// <summary>
    /// Kestrel refuses some request lines itself (a path that decodes to a NUL character, for one) with an
    /// empty 400 and a closed connection, before any middleware runs: no application code can answer those.
    /// </summary>
    private const string KestrelRejection = "rejected by Kestrel";

    private static async Task<(int Status, string? Failure)> Send(HttpClient client, MalformedRequest malformed)
    {
        using var request = new HttpRequestMessage(malformed.Method, malformed.Url) { Content = malformed.Body() };
        foreach (var (name, value) in malformed.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        }
        catch (HttpRequestException ex)
        {
            return (0, "no answer: " + ex.Message);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var type = response.Content.Headers.ContentType?.MediaType;
            if (status >= 500)
            {
                return (status, $"{status} {await Body(response)}");
            }

            if (status < 400)
            {
                // A live stream that opened: the client goes away at once, as clients do.
                return (status, null);
            }

            if (status == 400 && type is null && response.Content.Headers.ContentLength == 0 && response.Headers.ConnectionClose == true)
            {
                return (status, KestrelRejection);
            }

            if (type != ProblemBody.MediaType)
            {
                return (status, $"{status} as '{type}', not problem+json: {await Body(response)}");
            }

            var problem = await response.Content.ReadFromJsonAsync<ProblemBody>();
            return problem?.Status == status && !string.IsNullOrWhiteSpace(problem.Title)
                ? (status, null)
                : (status, $"{status} with a problem that does not say it: {await Body(response)}");
        }
    }

    private static async Task<string> Body(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return body.Length <= 300 ? body : body[..300] + "…";
    }
}
