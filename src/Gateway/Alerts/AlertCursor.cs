using CowHealth.Contracts;

namespace CowHealth.Gateway.Alerts;

/// <summary>
/// Where a page of alerts ended. Alerts are listed newest raised first; an alert's id is derived
/// from its cow, condition and raised-at, so those three order every alert exactly.
/// </summary>
public sealed record AlertCursor(DateTimeOffset RaisedAt, string CowId, HealthCondition Condition);
