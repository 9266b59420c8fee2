using System.Text.Json;

namespace CowHealth.Tests.Gateway;

/// <summary>One operation of the Gateway's OpenAPI document: what the sweep derives its malformed requests from.</summary>
public sealed record OpenApiOperation(HttpMethod Method, string PathTemplate, IReadOnlyList<OpenApiOperation.Parameter> Parameters, bool TakesJsonBody)
{
    public sealed record Parameter(string Name, string In, string? Type, string? Format, IReadOnlyList<string> EnumValues, bool IsArray, long? Maximum);

    public override string ToString() => $"{Method} {PathTemplate}";

    /// <summary>Every operation in <paramref name="document"/> (the JSON of <c>/openapi/v1.json</c>).</summary>
    public static List<OpenApiOperation> AllIn(JsonDocument document)
    {
        List<OpenApiOperation> operations = [];
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var parameters = operation.Value.TryGetProperty("parameters", out var list)
                    ? list.EnumerateArray().Select(ParameterOf).ToList()
                    : [];
                var takesJson = operation.Value.TryGetProperty("requestBody", out var body)
                    && body.GetProperty("content").EnumerateObject().Any(c => c.Name.Contains("json", StringComparison.Ordinal));
                operations.Add(new OpenApiOperation(new HttpMethod(operation.Name.ToUpperInvariant()), path.Name, parameters, takesJson));
            }
        }

        return operations;
    }

    private static Parameter ParameterOf(JsonElement parameter)
    {
        var schema = parameter.TryGetProperty("schema", out var s) ? s : default;
        var isArray = Text(schema, "type") == "array";
        var values = isArray && schema.TryGetProperty("items", out var items) ? items : schema;
        IReadOnlyList<string> enumValues = values.ValueKind == JsonValueKind.Object && values.TryGetProperty("enum", out var e)
            ? [.. e.EnumerateArray().Select(v => v.ToString())]
            : [];
        long? maximum = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("maximum", out var max)
            && long.TryParse(max.ToString(), out var m) ? m : null;
        return new Parameter(parameter.GetProperty("name").GetString()!, parameter.GetProperty("in").GetString()!,
            Text(values, "type"), Text(values, "format"), enumValues, isArray, maximum);
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) ? value.ToString() : null;
}
