using CowHealth.Gateway.Alerts;
using CowHealth.Gateway.Cows;
using CowHealth.Gateway.Readings;

namespace CowHealth.Gateway.HerdApp.Cows;

/// <summary>
/// What a cow's charts are drawn from: her readings in [<paramref name="From"/>, <paramref name="To"/>),
/// raw (<paramref name="Raw"/>) or per hour (<paramref name="Hourly"/>), her own normal, and her alerts.
/// </summary>
/// <param name="Zone">The farm's time zone: the charts' axis is the farm's clock.</param>
/// <param name="BandCelsius">Half the height of the band around her normal temperature.</param>
public sealed record CowHistory(
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<ReadingView>? Raw,
    IReadOnlyList<ReadingBucketView>? Hourly,
    BaselinesView? Baselines,
    IReadOnlyList<AlertView> Alerts,
    TimeZoneInfo Zone,
    double BandCelsius);
