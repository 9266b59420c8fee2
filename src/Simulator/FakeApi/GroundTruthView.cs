using CowHealth.Simulator.Conditions;

namespace CowHealth.Simulator.FakeApi;

/// <summary>Answer of <c>GET /api/scenarios</c>: every condition overlapping [From, To).</summary>
public sealed record GroundTruthView(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<ConditionEpisode> Conditions);
