using CowHealth.Contracts;

namespace CowHealth.Processor.Alerts;

/// <summary>What one census of the alerts found.</summary>
public sealed record AlertCensusResult(IReadOnlyList<OpenAlertCount> OpenAlerts, IReadOnlyList<SagaStateCount> SagasByState)
{
    public static readonly AlertCensusResult None = new([], []);
}

/// <summary>Open alerts of one condition and severity.</summary>
public sealed record OpenAlertCount(HealthCondition Condition, AlertSeverity Severity, int Count);

/// <summary>Saga instances with an open alert in one state.</summary>
public sealed record SagaStateCount(string State, int Count);
