using System.Text.Json;
using System.Text.Json.Serialization;

namespace CowHealth.Connector.Polling;

/// <summary>The vendor page in the same JSON shape as <see cref="Contracts.CowHealthJson"/>: a reading missing a field fails the page.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UseStringEnumConverter = true,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(VendorPage))]
internal sealed partial class VendorJson : JsonSerializerContext;
