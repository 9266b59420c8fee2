namespace CowHealth.Simulator.FakeApi;

/// <summary>Body of <c>POST /api/scenarios</c>: give a cow a condition.</summary>
/// <param name="CowId">A cow of the herd, as <c>GET /api/herd</c> lists them.</param>
/// <param name="Condition">Fever, Heat, Calving, SubacuteRuminalAcidosis, LowWaterIntake, SensorOffline or SensorFault.</param>
/// <param name="OnsetAt">Simulated time it starts; after the simulated present. Default: the next interval.</param>
/// <param name="DurationHours">How long it lasts. Default: the condition's typical length (3 days for a fever).</param>
public sealed record InjectConditionRequest(string? CowId, string? Condition, DateTimeOffset? OnsetAt, double? DurationHours);
