using CowHealth.Contracts;
using MassTransit;

namespace CowHealth.Processor.Alerts;

/// <summary>A rule found a condition on a cow (in-process, from ingestion to the alert saga).</summary>
/// <param name="CorrelationId">The cow-and-condition saga, from <c>CowAlertIdentity.SagaOf</c>.</param>
public sealed record ConditionDetected(
    Guid CorrelationId, string CowId, string FarmId, HealthCondition Condition, AlertSeverity Severity, DateTimeOffset At, AlertEvidence Evidence)
    : CorrelatedBy<Guid>;
