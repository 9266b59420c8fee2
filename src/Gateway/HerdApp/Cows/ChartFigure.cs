using System.Globalization;
using System.Text.Json;
using CowHealth.Contracts;

namespace CowHealth.Gateway.HerdApp.Cows;

/// <summary>
/// One chart of a cow's page, as data: its series, the alert periods to shade and a sentence for
/// people who do not see the chart. <see cref="ToPlotlyJson"/> turns it into the figure plotly.js
/// draws (the app's charts.js hands it over as it is); nothing is drawn by code of ours.
/// </summary>
public sealed record ChartFigure(string Id, string Title, string Unit, IReadOnlyList<ChartSeries> Series, IReadOnlyList<ShadedPeriod> Shaded, string Summary)
{
    private const string TimeFormat = "yyyy-MM-dd HH:mm";

    public ChartSeries? SeriesNamed(string name) => Series.FirstOrDefault(s => s.Name == name);

    public string ToPlotlyJson()
    {
        var data = Series.Select(Trace).ToList();
        var layout = new Dictionary<string, object?>
        {
            ["height"] = 240,
            ["margin"] = new { l = 52, r = 12, t = 8, b = 36 },
            ["xaxis"] = new { type = "date", automargin = true },
            ["yaxis"] = new { title = new { text = Unit }, automargin = true },
            ["legend"] = new { orientation = "h", y = -0.22 },
            ["hovermode"] = "x unified",
            ["shapes"] = Shaded.Select(Shade).ToList(),
        };
        return JsonSerializer.Serialize(new { data, layout });
    }

    private static Dictionary<string, object?> Trace(ChartSeries series)
    {
        var trace = new Dictionary<string, object?>
        {
            ["name"] = series.Name,
            ["x"] = series.X.Select(x => x.ToString(TimeFormat, CultureInfo.InvariantCulture)).ToList(),
            ["y"] = series.Y,
            ["type"] = series.Style == SeriesStyle.Bars ? "bar" : "scatter",
        };
        switch (series.Style)
        {
            case SeriesStyle.Readings:
                trace["mode"] = "lines";
                trace["line"] = new { color = "#1f4e9c", width = 2 };
                break;
            case SeriesStyle.Normal:
                trace["mode"] = "lines";
                trace["line"] = new { color = "#2e7d32", width = 1.5, dash = "dot" };
                break;
            case SeriesStyle.BandLower:
                trace["mode"] = "lines";
                trace["line"] = new { width = 0 };
                trace["showlegend"] = false;
                trace["hoverinfo"] = "skip";
                break;
            case SeriesStyle.BandUpper:
                trace["mode"] = "lines";
                trace["line"] = new { width = 0 };
                trace["fill"] = "tonexty";
                trace["fillcolor"] = "rgba(46,125,50,0.18)";
                trace["hoverinfo"] = "skip";
                break;
            case SeriesStyle.Markers:
                trace["mode"] = "markers";
                trace["marker"] = new { color = "#0277bd", size = 7, symbol = "triangle-down" };
                break;
            case SeriesStyle.Bars:
                trace["marker"] = new { color = "#0277bd" };
                break;
        }

        return trace;
    }

    private static object Shade(ShadedPeriod period) => new
    {
        type = "rect",
        xref = "x",
        yref = "paper",
        x0 = period.From.ToString(TimeFormat, CultureInfo.InvariantCulture),
        x1 = period.To.ToString(TimeFormat, CultureInfo.InvariantCulture),
        y0 = 0,
        y1 = 1,
        layer = "below",
        line = new { width = 0 },
        fillcolor = period.Severity switch
        {
            AlertSeverity.Critical => "rgba(198,40,40,0.16)",
            AlertSeverity.Warning => "rgba(239,108,0,0.16)",
            _ => "rgba(2,119,189,0.12)",
        },
        name = period.Label,
    };
}
