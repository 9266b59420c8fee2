using CowHealth.Contracts;

namespace CowHealth.Benchmarks.AlertQuality;

/// <summary>An alert raised (or re-opened) on a cow with no ground-truth episode anywhere near.</summary>
internal sealed record FalseAlert(string CowId, HealthCondition Condition, DateTimeOffset At);
