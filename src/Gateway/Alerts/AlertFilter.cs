using CowHealth.Contracts;
using CowHealth.Storage.Alerts;

namespace CowHealth.Gateway.Alerts;

/// <summary>What an alert listing asks for; an empty list or a null means "any".</summary>
/// <param name="RaisedFrom">Raised at or after this.</param>
/// <param name="RaisedBefore">Raised before this.</param>
public sealed record AlertFilter(
    IReadOnlyList<AlertStatus> Statuses,
    IReadOnlyList<HealthCondition> Conditions,
    IReadOnlyList<AlertSeverity> Severities,
    string? FarmId,
    string? CowId,
    DateTime? RaisedFrom,
    DateTime? RaisedBefore);
