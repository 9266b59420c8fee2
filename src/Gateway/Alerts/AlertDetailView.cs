namespace CowHealth.Gateway.Alerts;

/// <summary>An alert with its whole life so far, oldest step first.</summary>
public sealed record AlertDetailView(AlertView Alert, IReadOnlyList<AlertHistoryEntry> History);
