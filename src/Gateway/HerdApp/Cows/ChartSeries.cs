namespace CowHealth.Gateway.HerdApp.Cows;

/// <summary>How a series is drawn.</summary>
public enum SeriesStyle
{
    /// <summary>Her readings (or hourly means).</summary>
    Readings,

    /// <summary>Her own normal for the hour, dotted.</summary>
    Normal,

    /// <summary>The lower edge of the band around her normal; drawn together with the next <see cref="BandUpper"/>.</summary>
    BandLower,

    /// <summary>The upper edge of the band; the area down to the lower edge is filled.</summary>
    BandUpper,

    /// <summary>Single events, e.g. drinks.</summary>
    Markers,

    /// <summary>Counts per hour.</summary>
    Bars,
}

/// <summary>One line, band edge or set of markers of a chart; <paramref name="X"/> are the farm's local times.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<DateTime> X, IReadOnlyList<double?> Y, SeriesStyle Style);
