using System.Text.Json;
using System.Text.Json.Serialization;

namespace CowHealth.Contracts;

/// <summary>
/// The one JSON shape every service writes and reads: web defaults (camelCase), enums by name,
/// source-generated so that no service pays for reflection on the hot path.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UseStringEnumConverter = true,
    // A record missing a required field, or with null where the contract says never, is malformed:
    // it must fail here and go to the dead-letter topic, not reach a consumer half-filled.
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(SensorReading))]
[JsonSerializable(typeof(AlertRaised))]
[JsonSerializable(typeof(AlertEscalated))]
[JsonSerializable(typeof(AlertAcknowledged))]
[JsonSerializable(typeof(AlertResolved))]
[JsonSerializable(typeof(AlertReopened))]
[JsonSerializable(typeof(AcknowledgementRejected))]
[JsonSerializable(typeof(AcknowledgeAlert))]
[JsonSerializable(typeof(AlertEvidence))]
public sealed partial class CowHealthJson : JsonSerializerContext
{
    /// <summary>Options for APIs that want <see cref="JsonSerializerOptions"/> rather than a context.</summary>
    public static JsonSerializerOptions SharedOptions => Default.Options;
}
