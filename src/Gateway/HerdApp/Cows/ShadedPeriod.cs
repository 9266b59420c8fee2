using CowHealth.Contracts;

namespace CowHealth.Gateway.HerdApp.Cows;

/// <summary>An alert's time on a chart's axis, from raised to resolved (or the window's end while open), in the farm's local time.</summary>
public sealed record ShadedPeriod(DateTime From, DateTime To, string Label, AlertSeverity Severity);
