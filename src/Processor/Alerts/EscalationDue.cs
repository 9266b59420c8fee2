using MassTransit;

namespace CowHealth.Processor.Alerts;

/// <summary>Event time on the cow's farm has passed the alert's escalation deadline.</summary>
public sealed record EscalationDue(Guid CorrelationId, DateTimeOffset At) : CorrelatedBy<Guid>;
