namespace CowHealth.Simulator.FakeApi;

/// <summary>Body of <c>POST /api/scenarios</c>: give a cow a condition.</summary>
/// <param name="CowId">A cow of the herd, as <c>GET /api/herd</c> lists them.</param>
/// <param name="Condition">Fever, Heat, Calving, SubacuteRuminalAcidosis, LowWaterIntake, ExcessiveDrinking, SensorOffline or SensorFault.</param>
/// <param name="OnsetAt">Simulated time it starts; after the simulated present. Default: the next interval.</param>
/// <param name="DurationHours">How long it lasts. Default: the condition's typical length (3 days for a fever).</param>
/// <param name="Severity">
/// How strongly it shows, in the condition's unit: °C of fever rise, × activity in heat, °C of the
/// drop before calving, pH drop in acidosis, share of drinking cycles kept in low water intake,
/// × drinking cycles in excessive drinking. Default: the <c>Conditions:*</c> setting, or a draw from
/// the documented range. Sensor trouble has none.
/// </param>
public sealed record InjectConditionRequest(string? CowId, string? Condition, DateTimeOffset? OnsetAt, double? DurationHours, double? Severity = null);
