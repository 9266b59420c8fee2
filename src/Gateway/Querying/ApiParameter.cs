using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace CowHealth.Gateway.Querying;

/// <summary>
/// How one request parameter appears in the OpenAPI document. The handlers bind parameters as text
/// and validate them with <see cref="ParameterErrors"/>; this says what they accept (enum names,
/// date-time, id pattern, page size bounds), so clients and generated requests see the real contract.
/// </summary>
public sealed record ApiParameter(string Name, string Description, Func<IServiceProvider, OpenApiSchema> Schema, bool Required = false)
{
    public static ApiParameter Id(string name, string description, bool required = false) =>
        new(name, description, _ => IdSchema(), required);

    public static ApiParameter Uuid(string name, string description) =>
        new(name, description, _ => new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" }, Required: true);

    public static ApiParameter Time(string name, string description, bool required = false) =>
        new(name, description, _ => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" }, required);

    public static ApiParameter OneOf<T>(string name, string description, T? defaultValue = null)
        where T : struct, Enum =>
        new(name, description, _ => EnumSchema<T>(defaultValue));

    /// <summary>Any number of values, repeated (<c>status=Raised&amp;status=Escalated</c>) or comma-separated.</summary>
    public static ApiParameter AnyOf<T>(string name, string description)
        where T : struct, Enum =>
        new(name, description, _ => new OpenApiSchema { Type = JsonSchemaType.Array, Items = EnumSchema<T>(null) });

    public static ApiParameter PageSize { get; } = new(
        "limit",
        "Items on a page (default and maximum: see the Gateway:Paging settings).",
        services =>
        {
            var paging = services.GetRequiredService<IOptions<PagingOptions>>().Value;
            return new OpenApiSchema
            {
                Type = JsonSchemaType.Integer,
                Format = "int32",
                Minimum = "1",
                Maximum = paging.MaxPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Default = JsonValue.Create(paging.DefaultPageSize),
            };
        });

    public static ApiParameter Cursor { get; } = new(
        "cursor",
        "nextCursor of the previous page, unchanged; omit it for the first page.",
        _ => new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 1_024 });

    private static OpenApiSchema IdSchema() =>
        new() { Type = JsonSchemaType.String, Pattern = ParameterErrors.IdPattern, MinLength = 1, MaxLength = Storage.StorageLimits.IdLength };

    private static OpenApiSchema EnumSchema<T>(T? defaultValue)
        where T : struct, Enum => new()
        {
            Type = JsonSchemaType.String,
            Enum = [.. Enum.GetNames<T>().Select(name => (JsonNode)JsonValue.Create(name))],
            Default = defaultValue is { } value ? JsonValue.Create(value.ToString()) : null,
        };
}
