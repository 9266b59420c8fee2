using CowHealth.Gateway.Readings;

namespace CowHealth.Gateway.Cows;

/// <summary>A cow as the herd list shows her.</summary>
public sealed record CowView(
    string CowId,
    string FarmId,
    string SensorId,
    DateTimeOffset FirstSeenAt,
    ReadingView LatestReading,
    HealthState HealthState,
    int OpenAlertCount)
{
    public static CowView From(CowWithHealth row) => new(
        row.Cow.CowId,
        row.Cow.FarmId,
        row.Cow.SensorId,
        new DateTimeOffset(row.Cow.FirstSeenAt, TimeSpan.Zero),
        ReadingView.LatestOf(row.Cow),
        row.HealthState,
        row.OpenAlertCount);
}
