using System.Net;
using System.Text.Json.Nodes;
using CowHealth.Storage;
using CowHealth.Tests.Infrastructure;
using CowHealth.Tests.Simulator;
using CowHealth.Tests.Storage;

namespace CowHealth.Tests.Gateway;

/// <summary>
/// Every parameter of the read endpoints is checked: a malformed one is a 400 problem+json that
/// names it, never a 5xx; and the OpenAPI document declares what each accepts.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ReadParameters_Specs(ThrowawayPostgres postgres)
{
    private const string Window = "from=2026-05-01T00:00:00Z&to=2026-05-02T00:00:00Z";
    private static readonly string TooLongId = new('c', StorageLimits.IdLength + 1);
    private readonly StorageProviders _providers = new(postgres);

    /// <summary>A request and the field its 400 must name.</summary>
    private static readonly (string Url, string Field)[] Malformed =
    [
        ("/api/cows?limit=0", "limit"),
        ("/api/cows?limit=201", "limit"),
        ("/api/cows?limit=-1", "limit"),
        ("/api/cows?limit=1.5", "limit"),
        ("/api/cows?limit=ten", "limit"),
        ("/api/cows?limit=99999999999999999999", "limit"),
        ("/api/cows?sort=Weight", "sort"),
        ("/api/cows?sort=1", "sort"),
        ("/api/cows?healthState=Sick", "healthState"),
        ("/api/cows?healthState=Healthy&healthState=3", "healthState"),
        ("/api/cows?farmId=F%201", "farmId"),
        ("/api/cows?farmId=", "farmId"),
        ($"/api/cows?farmId={TooLongId}", "farmId"),
        ("/api/cows?cursor=not-a-cursor!", "cursor"),
        ("/api/cows?cursor=eyJ4IjoxfQ", "cursor"),
        ($"/api/cows?cursor={Cursor("""{"sort":0,"cowId":null,"healthRank":0,"latestMeasuredAt":"2026-05-01T00:00:00Z"}""")}", "cursor"),
        ("/api/cows/cow%20one", "cowId"),
        ($"/api/cows/{TooLongId}", "cowId"),
        ("/api/cows/%F0%9F%90%84", "cowId"),
        ("/api/cows/cow-1/readings", "from"),
        ("/api/cows/cow-1/readings?from=2026-05-01T00:00:00Z", "to"),
        ("/api/cows/cow-1/readings?from=2026-05-01&to=2026-05-02T00:00:00Z", "from"),
        ("/api/cows/cow-1/readings?from=2026-05-01T00:00:00&to=2026-05-02T00:00:00Z", "from"),
        ("/api/cows/cow-1/readings?from=2026-05-01T00:00:00+02:00&to=2026-05-02T00:00:00Z", "from"),
        ("/api/cows/cow-1/readings?from=yesterday&to=2026-05-02T00:00:00Z", "from"),
        ("/api/cows/cow-1/readings?from=2026-05-02T00:00:00Z&to=2026-05-01T00:00:00Z", "to"),
        ("/api/cows/cow-1/readings?from=2026-05-01T00:00:00Z&to=2026-05-01T00:00:00Z", "to"),
        ("/api/cows/cow-1/readings?from=2026-05-01T00:00:00Z&to=2026-05-08T00:00:01Z", "to"),
        ("/api/cows/cow-1/readings?from=2026-05-01T00:00:00Z&to=2026-06-02T00:00:00Z&resolution=Hourly", "to"),
        ("/api/cows/cow-1/readings?from=0001-01-01T00:00:00Z&to=9999-12-31T23:59:59Z&resolution=Daily", "to"),
        ($"/api/cows/cow-1/readings?{Window}&resolution=Minutely", "resolution"),
        ($"/api/cows/bad%20cow/readings?{Window}", "cowId"),
        ("/api/alerts?status=Open", "status"),
        ("/api/alerts?status=Raised,Gone", "status"),
        ("/api/alerts?condition=Flu", "condition"),
        ("/api/alerts?severity=High", "severity"),
        ("/api/alerts?farmId=a%2Fb", "farmId"),
        ("/api/alerts?cowId=%00", "cowId"),
        ("/api/alerts?from=last-week", "from"),
        ("/api/alerts?from=2026-05-02T00:00:00Z&to=2026-05-01T00:00:00Z", "to"),
        ("/api/alerts?limit=500", "limit"),
        ("/api/alerts?cursor=AAAA", "cursor"),
        ("/api/alerts/42", "alertId"),
        ("/api/alerts/not-a-uuid", "alertId"),
        ("/api/herd/summary?farmId=F%2A", "farmId"),
    ];

    [Fact]
    public async Task Every_malformed_parameter_is_a_400_problem_that_names_it()
    {
        await using var db = await _providers.NewDatabase(StorageProvider.Postgres, "read_parameters");
        await new StoredHerd(db, TimeProvider.System).Store(StoredHerd.Reading("cow-1", "F1", new DateTimeOffset(2026, 5, 1, 6, 0, 0, TimeSpan.Zero)));
        await using var gateway = await GatewayHost.StartAsync(db, TimeProvider.System);

        var wrong = new List<string>();
        foreach (var (url, field) in Malformed)
        {
            using var response = await gateway.Http.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            var problem = response.Content.Headers.ContentType?.MediaType == ProblemBody.MediaType
                ? JsonNode.Parse(body)?["errors"]?.AsObject() : null;
            if (response.StatusCode != HttpStatusCode.BadRequest || problem?.ContainsKey(field) != true)
            {
                wrong.Add($"{url} -> {(int)response.StatusCode} {body}");
            }
        }

        Assert.True(wrong.Count == 0, $"expected a 400 naming the field:{Environment.NewLine}{string.Join(Environment.NewLine, wrong)}");
    }

    [Fact]
    public async Task A_hand_made_cursor_of_the_right_shape_is_answered_without_a_server_error()
    {
        await using var db = await _providers.NewDatabase(StorageProvider.Postgres, "read_cursors");
        await new StoredHerd(db, TimeProvider.System).Store(StoredHerd.Reading("cow-1", "F1", new DateTimeOffset(2026, 5, 1, 6, 0, 0, TimeSpan.Zero)));
        await using var gateway = await GatewayHost.StartAsync(db, TimeProvider.System);
        string[] handMade =
        [
            $"/api/cows?sort=LatestReading&cursor={Cursor("""{"sort":2,"cowId":"a","healthRank":0,"latestMeasuredAt":"2026-05-01T00:00:00"}""")}",
            $"/api/cows?sort=LatestReading&cursor={Cursor("""{"sort":2,"cowId":"a","healthRank":0,"latestMeasuredAt":"9999-12-31T23:59:59+14:00"}""")}",
            $"/api/cows?sort=HealthState&cursor={Cursor("""{"sort":1,"cowId":"","healthRank":-2147483648,"latestMeasuredAt":"0001-01-01T00:00:00Z"}""")}",
            $"/api/alerts?cursor={Cursor("""{"raisedAt":"2026-05-01T00:00:00-05:00","cowId":"a","condition":99}""")}",
            $"/api/alerts?cursor={Cursor("""{"raisedAt":"0001-01-01T00:00:00Z","cowId":"x","condition":0}""")}",
        ];

        foreach (var url in handMade)
        {
            using var response = await gateway.Http.GetAsync(url);
            Assert.True((int)response.StatusCode < 500, $"{url} -> {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    [Fact]
    public async Task The_openapi_document_declares_each_read_parameter_with_what_it_accepts_and_the_problems_each_endpoint_answers()
    {
        await using var db = await _providers.NewDatabase(StorageProvider.Postgres, "read_openapi");
        await using var gateway = await GatewayHost.StartAsync(db, new SettableClock(DateTimeOffset.UnixEpoch));

        var paths = (await gateway.Get<JsonObject>("/openapi/v1.json"))["paths"]!;
        JsonNode Parameter(string path, string name) =>
            paths[path]!["get"]!["parameters"]!.AsArray().Single(p => (string?)p!["name"] == name)!;
        string[] Enum(JsonNode schema) => [.. schema["enum"]!.AsArray().Select(v => (string)v!)];
        string[] Responses(string path) => [.. paths[path]!["get"]!["responses"]!.AsObject().Select(r => r.Key)];

        Assert.Equal(["Healthy", "Watch", "Unwell", "Critical"], Enum(Parameter("/api/cows", "healthState")["schema"]!["items"]!));
        Assert.Equal(["CowId", "HealthState", "LatestReading"], Enum(Parameter("/api/cows", "sort")["schema"]!));
        Assert.Equal("200", (string?)Parameter("/api/cows", "limit")["schema"]!["maximum"]?.ToString());
        Assert.Equal(CowHealth.Gateway.Querying.ParameterErrors.IdPattern, (string?)Parameter("/api/cows", "farmId")["schema"]!["pattern"]);
        Assert.True((bool)Parameter("/api/cows/{cowId}/readings", "from")["required"]!);
        Assert.Equal("date-time", (string?)Parameter("/api/cows/{cowId}/readings", "to")["schema"]!["format"]);
        Assert.Equal(["Raw", "Hourly", "Daily"], Enum(Parameter("/api/cows/{cowId}/readings", "resolution")["schema"]!));
        Assert.Equal(["Raised", "Escalated", "Acknowledged", "Resolved"], Enum(Parameter("/api/alerts", "status")["schema"]!["items"]!));
        Assert.Equal("uuid", (string?)Parameter("/api/alerts/{alertId}", "alertId")["schema"]!["format"]);
        Assert.Equal(["200", "400"], Responses("/api/cows"));
        Assert.Equal(["200", "400", "404"], Responses("/api/cows/{cowId}"));
        Assert.Equal(["200", "400", "404"], Responses("/api/cows/{cowId}/readings"));
        Assert.Equal(["200", "400"], Responses("/api/alerts"));
        Assert.Equal(["200", "400", "404"], Responses("/api/alerts/{alertId}"));
        Assert.Equal(["200", "400"], Responses("/api/herd/summary"));
    }

    private static string Cursor(string json) => System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(json));
}
