using CowHealth.Contracts;
using MassTransit;

namespace CowHealth.Processor.Alerts;

/// <summary>The condition has stayed clear for its rule's clearing window.</summary>
public sealed record ConditionCleared(Guid CorrelationId, string CowId, HealthCondition Condition, DateTimeOffset At) : CorrelatedBy<Guid>;
