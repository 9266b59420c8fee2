using CowHealth.Contracts;

namespace CowHealth.Gateway.Herd;

/// <summary>Every farm at a glance, as of <paramref name="At"/> (the Gateway's clock).</summary>
/// <param name="SensorOfflineAfter">A sensor silent for longer than this counts as offline.</param>
public sealed record HerdSummaryView(DateTimeOffset At, TimeSpan SensorOfflineAfter, IReadOnlyList<FarmSummaryView> Farms);

/// <param name="Cows">Cows that have sent a reading.</param>
/// <param name="CowsByHealthState">How many cows are in each health state (see the cows API).</param>
/// <param name="OpenAlerts">Open alerts (raised, escalated, acknowledged) per condition and severity; combinations with none are left out.</param>
/// <param name="ReadingsLastHour">Readings measured in the hour up to <c>At</c> (after At − 1 h, up to At).</param>
/// <param name="OfflineCowIds">Cows whose latest reading is older than the offline threshold, by id.</param>
public sealed record FarmSummaryView(
    string FarmId,
    int Cows,
    CowsByHealthStateView CowsByHealthState,
    IReadOnlyList<OpenAlertCountView> OpenAlerts,
    int ReadingsLastHour,
    IReadOnlyList<string> OfflineCowIds);

public sealed record CowsByHealthStateView(int Healthy, int Watch, int Unwell, int Critical);

public sealed record OpenAlertCountView(HealthCondition Condition, AlertSeverity Severity, int Count);
