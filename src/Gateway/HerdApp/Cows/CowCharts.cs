using System.Globalization;
using CowHealth.Gateway.Cows;

namespace CowHealth.Gateway.HerdApp.Cows;

/// <summary>
/// A cow's charts from her history: rumen temperature with her normal for the hour as a band,
/// activity and rumination against her normal, water intake (litres, or drinks seen as sudden
/// temperature dips when her bolus estimates no litres), and rumen pH when she carries a pH bolus.
/// Her alerts are shaded on every chart's time axis.
/// </summary>
public static class CowCharts
{
    public const string Temperature = "Rumen temperature";
    public const string Normal = "Her normal";
    public const string BandLower = "Her normal, low edge";
    public const string Drinks = "Drinks (temperature dips)";

    /// <summary>
    /// A fall this large from one reading to the next is a drink of cold water, as detection's
    /// default <c>Detection:Drinking:DropCelsius</c> judges it.
    /// </summary>
    private const double DrinkDropCelsius = 1.0;

    public static IReadOnlyList<ChartFigure> Build(CowHistory history)
    {
        var points = Points(history);
        var x = points.Select(p => Local(history, p.At)).ToList();
        var shaded = Shaded(history);
        var hours = history.Baselines?.Hours;
        double? NormalAt(DateTimeOffset at, Func<HourBaselineView, double?> measure) =>
            hours is { Count: 24 } ? measure(hours[at.UtcDateTime.Hour]) : null;

        var figures = new List<ChartFigure>();

        var temperature = points.Select(p => (double?)p.Temperature).ToList();
        var normalTemperature = points.Select(p => NormalAt(p.At, h => h.RumenTemperatureCelsius)).ToList();
        var band = history.BandCelsius;
        List<ChartSeries> temperatureSeries =
        [
            new(BandLower, x, [.. normalTemperature.Select(n => n - band)], SeriesStyle.BandLower),
            new($"{Normal} ± {band.ToString("0.0#", CultureInfo.InvariantCulture)} °C", x, [.. normalTemperature.Select(n => n + band)], SeriesStyle.BandUpper),
            new(Temperature, x, temperature, SeriesStyle.Readings),
        ];
        if (history.Raw is { } raw && raw.All(r => r.WaterIntakeLitres is null))
        {
            var drinks = DrinksIn(raw);
            temperatureSeries.Add(new(Drinks, [.. drinks.Select(d => Local(history, d.MeasuredAt))], [.. drinks.Select(d => (double?)d.RumenTemperatureCelsius)], SeriesStyle.Markers));
        }

        figures.Add(new ChartFigure("chart-temperature", Temperature, "°C", temperatureSeries, shaded,
            Describe(points, p => p.Temperature, " °C", normalTemperature.LastOrDefault())));

        var normalActivity = points.Select(p => NormalAt(p.At, h => h.ActivityIndex)).ToList();
        figures.Add(new ChartFigure("chart-activity", "Activity", "index",
            [new("Activity", x, [.. points.Select(p => (double?)p.Activity)], SeriesStyle.Readings), new(Normal, x, normalActivity, SeriesStyle.Normal)],
            shaded, Describe(points, p => p.Activity, "", normalActivity.LastOrDefault())));

        var normalRumination = points.Select(p => NormalAt(p.At, h => h.RuminationMinutes)).ToList();
        figures.Add(new ChartFigure("chart-rumination", "Rumination", "min per reading",
            [new("Rumination", x, [.. points.Select(p => (double?)p.Rumination)], SeriesStyle.Readings), new(Normal, x, normalRumination, SeriesStyle.Normal)],
            shaded, Describe(points, p => p.Rumination, " min", normalRumination.LastOrDefault())));

        if (points.Any(p => p.Water is not null))
        {
            var normalWater = points.Select(p => NormalAt(p.At, h => h.WaterIntakeLitres)).ToList();
            figures.Add(new ChartFigure("chart-water", "Water intake", "litres per reading",
                [new("Water intake", x, [.. points.Select(p => p.Water)], SeriesStyle.Readings), new(Normal, x, normalWater, SeriesStyle.Normal)],
                shaded, Describe(points, p => p.Water ?? 0, " L", normalWater.LastOrDefault())));
        }
        else if (history.Raw is { } rawWithoutLitres)
        {
            var perHour = DrinksIn(rawWithoutLitres)
                .GroupBy(d => new DateTimeOffset(d.MeasuredAt.UtcDateTime.Date.AddHours(d.MeasuredAt.UtcDateTime.Hour), TimeSpan.Zero))
                .OrderBy(g => g.Key).ToList();
            figures.Add(new ChartFigure("chart-water", "Drinking cycles", "drinks per hour",
                [new("Drinks per hour", [.. perHour.Select(g => Local(history, g.Key))], [.. perHour.Select(g => (double?)g.Count())], SeriesStyle.Bars)],
                shaded, $"{perHour.Sum(g => g.Count())} drinks seen as sudden temperature dips in this window."));
        }

        if (points.Any(p => p.Ph is not null))
        {
            var normalPh = history.Baselines?.RumenPh;
            figures.Add(new ChartFigure("chart-ph", "Rumen pH", "pH",
                [new("Rumen pH", x, [.. points.Select(p => p.Ph)], SeriesStyle.Readings), new(Normal, x, [.. points.Select(_ => normalPh)], SeriesStyle.Normal)],
                shaded, Describe(points, p => p.Ph ?? 0, "", normalPh)));
        }

        return figures;
    }

    /// <summary>Readings whose temperature fell by a drink's drop from the reading before.</summary>
    private static List<Readings.ReadingView> DrinksIn(IReadOnlyList<Readings.ReadingView> raw) =>
        [.. raw.Skip(1).Where((r, i) => raw[i].RumenTemperatureCelsius - r.RumenTemperatureCelsius >= DrinkDropCelsius)];

    private static List<Point> Points(CowHistory history) =>
        history.Raw is { } raw
            ? [.. raw.Select(r => new Point(r.MeasuredAt, r.RumenTemperatureCelsius, r.ActivityIndex, r.RuminationMinutes, r.WaterIntakeLitres, r.RumenPh))]
            : [.. (history.Hourly ?? []).Select(b => new Point(b.Start, b.RumenTemperatureCelsius.Mean, b.ActivityIndex.Mean, b.RuminationMinutes.Mean, b.WaterIntakeLitres?.Mean, b.RumenPh?.Mean))];

    private static List<ShadedPeriod> Shaded(CowHistory history) =>
        [.. history.Alerts
            .Where(a => a.RaisedAt < history.To && (a.ResolvedAt ?? history.To) > history.From)
            .OrderBy(a => a.RaisedAt)
            .Select(a => new ShadedPeriod(
                Local(history, a.RaisedAt < history.From ? history.From : a.RaisedAt),
                Local(history, a.ResolvedAt is { } resolved && resolved < history.To ? resolved : history.To),
                PageParts.Labels.Of(a.Condition), a.Severity))];

    private static DateTime Local(CowHistory history, DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, history.Zone).DateTime;

    private static string Describe(List<Point> points, Func<Point, double> measure, string unit, double? normal)
    {
        if (points.Count == 0)
        {
            return "No readings in this window.";
        }

        var values = points.Select(measure).ToList();
        var text = string.Create(CultureInfo.InvariantCulture,
            $"Latest {values[^1]:0.0#}{unit}; lowest {values.Min():0.0#}{unit}, highest {values.Max():0.0#}{unit} in this window");
        return normal is { } n ? text + string.Create(CultureInfo.InvariantCulture, $"; her normal for the hour {n:0.0#}{unit}.") : text + ".";
    }

    private sealed record Point(DateTimeOffset At, double Temperature, double Activity, double Rumination, double? Water, double? Ph);
}
