using CowHealth.Contracts;
using MassTransit;

namespace CowHealth.Storage.Alerts;

/// <summary>
/// The saga instance behind one cow's alerts for one condition. It lives as long as the cow, so a
/// condition that comes back within its cool-down re-opens the same alert rather than raising a
/// new one. The state machine that drives it is the Processor's <c>CowAlertStateMachine</c>.
/// </summary>
public sealed class CowAlert : SagaStateMachineInstance, ISagaVersion
{
    /// <summary>Derived from cow and condition (<see cref="CowAlertIdentity"/>), so every detection of it finds this instance.</summary>
    public Guid CorrelationId { get; set; }

    /// <summary>Optimistic concurrency: a change based on a stale read fails and is retried.</summary>
    public int Version { get; set; }

    public string CurrentState { get; set; } = "";

    public string CowId { get; set; } = "";

    public string FarmId { get; set; } = "";

    public HealthCondition Condition { get; set; }

    /// <summary>The alert currently open (or cooling down) for this cow and condition.</summary>
    public Guid AlertId { get; set; }

    public AlertSeverity Severity { get; set; }

    public DateTime RaisedAt { get; set; }

    /// <summary>Event time after which an unacknowledged alert escalates; null once acknowledged or resolved.</summary>
    public DateTime? EscalateAt { get; set; }

    public DateTime? ResolvedAt { get; set; }

    /// <summary>Until this event time a returning condition re-opens <see cref="AlertId"/>.</summary>
    public DateTime? CoolDownUntil { get; set; }
}
