using System.Net.Http.Headers;
using System.Text;

namespace CowHealth.Tests.Gateway;

/// <summary>A request a careless or hostile client might send; its URL is already percent-encoded.</summary>
public sealed record MalformedRequest(string Description, HttpMethod Method, string Url, IReadOnlyList<(string Name, string Value)> Headers, Func<HttpContent?> Body)
{
    public override string ToString() => $"{Method} {(Url.Length > 120 ? Url[..120] + "…" : Url)} [{Description}]";
}

/// <summary>
/// Derives malformed requests from an <see cref="OpenApiOperation"/>: each parameter in turn given
/// values of the wrong shape for its schema, windows inverted and unbounded, page sizes beyond any
/// maximum, repeated and unknown parameters, and for operations with a body every way a body can be
/// wrong. Endpoints added later are covered as soon as the OpenAPI document describes them.
/// </summary>
public static class MalformedRequests
{
    private static readonly string[] AnyText =
    [
        "", "%20", "%00", new string('x', 300), "%FF%FE", E("💥🐄"), "..%2F..%2Fetc%2Fpasswd", E("' OR 1=1 --"), "null",
        E("<script>alert(1)</script>"), "a%0D%0Ab", "%25", E("F01 C01"), E("ü"),
    ];

    private static readonly string[] NotUuids = ["not-a-uuid", "12345", "00000000-0000-0000-0000-00000000000g", E("{}"), "-1"];

    private static readonly string[] NotIntegers = ["-1", "0", "abc", "1.5", "1e3", "2147483648", "99999999999999999999", "%20", E(" 5"), "0x10"];

    private static readonly string[] NotTimes =
    [
        "yesterday", "2026-13-45T00:00:00Z", "2026-03-01T00:00:00", "2026-03-01", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
        E("2026-03-01T00:00:00+25:00"), "2026-03-01T00:00:00+01:00", "2026-03-01T00:00:00 01:00", "-1", "1700000000",
    ];

    private static readonly string[] NotEnums = ["NotAThing", "0", "99", "-1", E("Raised,Bogus"), E(",,,")];

    private static readonly string[] NotPositions = ["x", "0:-1", "99:1", new string('1', 5_000), "0:1,0:1", "0:99999999999999999999", ":", "0:1,,1:1", "0:1;1:2"];

    public static IEnumerable<MalformedRequest> For(OpenApiOperation operation, IReadOnlyDictionary<string, string> valid)
    {
        var query = operation.Parameters.Where(p => p.In == "query").Select(p => p.Name).ToHashSet();
        foreach (var parameter in operation.Parameters)
        {
            foreach (var bad in BadValuesFor(parameter))
            {
                var description = $"{parameter.In} {parameter.Name}={Shorten(bad)}";
                yield return parameter.In switch
                {
                    "path" => Request(operation, description, valid, path: (parameter.Name, bad)),
                    "header" => Request(operation, description, valid, headers: [(parameter.Name, Uri.UnescapeDataString(bad))]),
                    _ => Request(operation, description, valid, query: [(parameter.Name, bad)]),
                };
            }
        }

        if (query.Contains("from") && query.Contains("to"))
        {
            yield return Request(operation, "inverted window", valid, query: [("from", "2026-03-02T00:00:00Z"), ("to", "2026-03-01T00:00:00Z")]);
            yield return Request(operation, "empty window", valid, query: [("from", "2026-03-01T00:00:00Z"), ("to", "2026-03-01T00:00:00Z")]);
            yield return Request(operation, "unbounded window", valid, query: [("from", "0001-01-01T00:00:00Z"), ("to", "9999-12-31T23:59:59Z")]);
            yield return Request(operation, "a century", valid, query: [("from", "1950-01-01T00:00:00Z"), ("to", "2050-01-01T00:00:00Z")]);
            yield return Request(operation, "open end far back", valid, query: [("from", "1900-01-01T00:00:00Z")]);
        }

        foreach (var limit in operation.Parameters.Where(p => p.Type == "integer"))
        {
            yield return Request(operation, $"huge {limit.Name}", valid, query: [(limit.Name, "1000000")]);
            if (limit.Maximum is { } maximum)
            {
                yield return Request(operation, $"{limit.Name} just over its maximum", valid, query: [(limit.Name, (maximum + 1).ToString())]);
            }
        }

        foreach (var single in operation.Parameters.Where(p => p.In == "query" && !p.IsArray))
        {
            yield return Request(operation, $"{single.Name} twice", valid, query: [(single.Name, "a"), (single.Name, "b")]);
        }

        yield return Request(operation, "an unknown parameter", valid, query: [("bogus", "1"), ("limit[]", "x")]);
        yield return Request(operation, "a query of 6,000 characters", valid, query: [("bogus", new string('q', 6_000))]);
        if (operation.Parameters.Count > 0 && operation.Parameters[0] is var first)
        {
            var bad = BadValuesFor(first).First();
            yield return Request(operation, "asks for HTML", valid, headers: [("Accept", "text/html")],
                path: first.In == "path" ? (first.Name, bad) : null, query: first.In == "query" ? [(first.Name, bad)] : null);
            yield return Request(operation, "asks for XML only", valid, headers: [("Accept", "application/xml")],
                path: first.In == "path" ? (first.Name, bad) : null, query: first.In == "query" ? [(first.Name, bad)] : null);
        }

        var bodies = operation.TakesJsonBody ? BadBodies() : BadBodies().Take(3);
        foreach (var (description, body) in bodies)
        {
            yield return Request(operation, description, valid, body: body);
        }
    }

    /// <summary>Methods a path does not have: 405, as a problem.</summary>
    public static IEnumerable<MalformedRequest> WrongMethods(string pathTemplate, IEnumerable<HttpMethod> served, IReadOnlyDictionary<string, string> valid)
    {
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch }.Except(served))
        {
            var operation = new OpenApiOperation(method, pathTemplate, [], false);
            yield return Request(operation, "a method the path does not serve", valid, body: () => Json("""{"a":1}"""));
        }
    }

    private static IEnumerable<string> BadValuesFor(OpenApiOperation.Parameter parameter)
    {
        if (parameter.In == "header")
        {
            return NotPositions.Select(E);
        }

        var shaped = parameter switch
        {
            { Format: "uuid" } => NotUuids,
            { Type: "integer" } => NotIntegers,
            { Format: "date-time" } => NotTimes,
            { EnumValues.Count: > 0 } => NotEnums,
            _ => [],
        };
        return shaped.Concat(AnyText).Distinct();
    }

    private static IEnumerable<(string, Func<HttpContent?>)> BadBodies() =>
    [
        ("garbage JSON", () => Json("{\"acknowledgedBy\": ")),
        ("an oversized body", () => Json("{\"note\":\"" + new string('n', 1_000_000) + "\"}")),
        ("a body in the wrong content type", () => new StringContent("<ack by='Jo'/>", Encoding.UTF8, "application/xml")),
        ("no content type", () => new ByteArrayContent("{\"acknowledgedBy\":\"Jo\"}"u8.ToArray())),
        ("form data", () => new FormUrlEncodedContent([KeyValuePair.Create("acknowledgedBy", "Jo")])),
        ("multipart without a boundary", () => WithType(new ByteArrayContent("--x\r\n"u8.ToArray()), "multipart/form-data")),
        ("JSON with a Latin-1 charset", () => WithType(new ByteArrayContent([0x7B, 0x22, 0x61, 0xE9, 0x22, 0x3A, 0x31, 0x7D]), "application/json; charset=iso-8859-1")),
        ("invalid UTF-8", () => WithType(new ByteArrayContent([0x7B, 0x22, 0xC3, 0x28, 0x22, 0x3A, 0x31, 0x7D]), "application/json")),
        ("a JSON string", () => Json("\"Jo\"")),
        ("a JSON number beyond double", () => Json("{\"acknowledgedBy\": 1e999}")),
        ("JSON nested 100,000 deep", () => Json(new string('[', 100_000) + new string(']', 100_000))),
        ("duplicate keys", () => Json("{\"acknowledgedBy\":\"Jo\",\"acknowledgedBy\":\"Al\"}")),
        ("a null name", () => Json("{\"acknowledgedBy\":null}")),
        ("an object for a name", () => Json("{\"acknowledgedBy\":{\"first\":\"Jo\"}}")),
        ("an empty JSON body", () => Json("")),
        ("a body of 8 MiB with no length", () => new StreamContent(new MemoryStream(new byte[8 * 1024 * 1024])) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } }),
    ];

    private static MalformedRequest Request(
        OpenApiOperation operation, string description, IReadOnlyDictionary<string, string> valid,
        (string Name, string Value)? path = null, IReadOnlyList<(string Name, string Value)>? query = null,
        IReadOnlyList<(string Name, string Value)>? headers = null, Func<HttpContent?>? body = null)
    {
        var url = operation.PathTemplate;
        foreach (var name in valid.Keys)
        {
            var value = path is { } p && p.Name == name ? p.Value : E(valid[name]);
            url = url.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        if (query is { Count: > 0 })
        {
            url += "?" + string.Join('&', query.Select(q => E(q.Name) + "=" + q.Value));
        }

        return new MalformedRequest(description, operation.Method, url, headers ?? [],
            body ?? (operation.TakesJsonBody ? () => Json("{\"acknowledgedBy\":\"Sweep\"}") : () => null));
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static ByteArrayContent WithType(ByteArrayContent content, string type)
    {
        content.Headers.TryAddWithoutValidation("Content-Type", type);
        return content;
    }

    private static string E(string value) => Uri.EscapeDataString(value);

    private static string Shorten(string value) => value.Length <= 30 ? value : value[..30] + "…";
}
