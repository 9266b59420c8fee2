using CowHealth.Gateway.Alerts;
using CowHealth.Gateway.Readings;

namespace CowHealth.Gateway.Cows;

/// <summary>One cow: her latest reading, her health, her open alerts (newest first) and her own normal.</summary>
/// <param name="Baselines">Null until the Processor has saved her detection state (her first batch of readings), or when it is in a format this Gateway does not read.</param>
public sealed record CowDetailView(
    string CowId,
    string FarmId,
    string SensorId,
    DateTimeOffset FirstSeenAt,
    ReadingView LatestReading,
    HealthState HealthState,
    IReadOnlyList<AlertView> OpenAlerts,
    BaselinesView? Baselines);
