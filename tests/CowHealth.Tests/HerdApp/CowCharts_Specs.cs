using System.Text.Json;
using Bunit;
using CowHealth.Contracts;
using CowHealth.Gateway.Alerts;
using CowHealth.Gateway.Cows;
using CowHealth.Gateway.HerdApp.Cows;
using CowHealth.Gateway.Readings;
using CowHealth.Storage.Alerts;

namespace CowHealth.Tests.HerdApp;

/// <summary>A cow's charts: her readings, her own normal as a band, her alerts shaded, handed to plotly.js as a figure.</summary>
public sealed class CowCharts_Specs
{
    private static readonly DateTimeOffset From = new(2026, 5, 9, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = From.AddDays(1);

    [Fact]
    public void The_temperature_chart_draws_every_reading_inside_a_band_around_her_normal_for_the_hour()
    {
        var readings = Readings(144, i => 38.6 + (i % 6 * 0.1));
        var figure = CowCharts.Build(History(readings, Baselines(hour => 38.0 + (hour * 0.05)))).Single(f => f.Id == "chart-temperature");

        var temperature = figure.SeriesNamed(CowCharts.Temperature)!;
        Assert.Equal(readings.Select(r => (double?)r.RumenTemperatureCelsius), temperature.Y);
        var lower = figure.SeriesNamed(CowCharts.BandLower)!;
        var upper = figure.Series.Single(s => s.Style == SeriesStyle.BandUpper);
        for (var i = 0; i < readings.Count; i++)
        {
            var normal = 38.0 + (readings[i].MeasuredAt.UtcDateTime.Hour * 0.05);
            Assert.Equal(normal - 0.5, lower.Y[i]!.Value, 6);
            Assert.Equal(normal + 0.5, upper.Y[i]!.Value, 6);
        }

        // plotly fills "to the next trace above": the band's low edge must come right before its high edge.
        var order = figure.Series.ToList();
        Assert.Equal(order.IndexOf(lower) + 1, order.IndexOf(upper));
    }

    [Fact]
    public void Times_on_the_axis_are_the_farms_own_and_her_alerts_are_shaded_from_raised_to_resolved()
    {
        var dublin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Dublin");
        var fever = Alert(HealthCondition.Fever, AlertSeverity.Critical, From.AddHours(3), resolvedAt: From.AddHours(9));
        var heat = Alert(HealthCondition.Heat, AlertSeverity.Info, From.AddHours(20), resolvedAt: null);
        var history = History(Readings(144, _ => 38.7), null) with { Zone = dublin, Alerts = [fever, heat] };

        var figure = CowCharts.Build(history).Single(f => f.Id == "chart-temperature");

        // 12:00 UTC on 9 May is 13:00 in Dublin (summer time).
        Assert.Equal(new DateTime(2026, 5, 9, 13, 0, 0), figure.SeriesNamed(CowCharts.Temperature)!.X[0]);
        Assert.Equal(
            [new ShadedPeriod(new DateTime(2026, 5, 9, 16, 0, 0), new DateTime(2026, 5, 9, 22, 0, 0), "Fever", AlertSeverity.Critical),
             new ShadedPeriod(new DateTime(2026, 5, 10, 9, 0, 0), new DateTime(2026, 5, 10, 13, 0, 0), "Heat", AlertSeverity.Info)],
            figure.Shaded);
    }

    [Fact]
    public void Without_learned_baselines_there_is_no_band_and_a_ph_chart_only_for_a_cow_with_a_ph_bolus()
    {
        var withoutPh = CowCharts.Build(History(Readings(10, _ => 38.7), null));
        Assert.All(withoutPh.Single(f => f.Id == "chart-temperature").SeriesNamed(CowCharts.BandLower)!.Y, y => Assert.Null(y));
        Assert.DoesNotContain(withoutPh, f => f.Id == "chart-ph");

        var withPh = CowCharts.Build(History(Readings(10, _ => 38.7, ph: 6.3), null));
        Assert.Contains(withPh, f => f.Id == "chart-ph");
    }

    [Fact]
    public void The_chart_component_hands_plotly_the_series_and_band_and_says_in_words_what_it_shows()
    {
        var figure = CowCharts.Build(History(Readings(144, i => 38.6 + (i % 6 * 0.1)), Baselines(_ => 38.8))).Single(f => f.Id == "chart-temperature");
        using var context = new BunitContext();

        var chart = context.Render<ReadingsChart>(p => p.Add(c => c.Figure, figure));

        var plot = chart.Find("#chart-temperature");
        using var json = JsonDocument.Parse(plot.GetAttribute("data-plot")!);
        var traces = json.RootElement.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal([CowCharts.BandLower, "Her normal ± 0.5 °C", CowCharts.Temperature], traces.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal("tonexty", traces[1].GetProperty("fill").GetString());
        Assert.Equal(144, traces[2].GetProperty("y").GetArrayLength());
        Assert.Equal(39.3, traces[1].GetProperty("y")[0].GetDouble(), 6);
        Assert.Equal("2026-05-09 12:00", traces[2].GetProperty("x")[0].GetString());
        Assert.Contains("Latest 39.1 °C", chart.Find("figcaption").TextContent);
        Assert.Contains("her normal for the hour 38.8 °C", chart.Find("figcaption").TextContent);
    }

    private static List<ReadingView> Readings(int count, Func<int, double> temperature, double? ph = null) =>
        [.. Enumerable.Range(0, count).Select(i => new ReadingView(Guid.NewGuid(), From.AddMinutes(10 * i), temperature(i), 1.0, 5.0, 2.0, ph))];

    private static BaselinesView Baselines(Func<int, double> temperature) =>
        new(To, true, [.. Enumerable.Range(0, 24).Select(h => new HourBaselineView(h, temperature(h), 1.0, 5.0, 2.0, null))], null);

    private static CowHistory History(List<ReadingView> readings, BaselinesView? baselines) =>
        new(From, To, readings, null, baselines, [], TimeZoneInfo.Utc, 0.5);

    private static AlertView Alert(HealthCondition condition, AlertSeverity severity, DateTimeOffset raisedAt, DateTimeOffset? resolvedAt) =>
        new(Guid.NewGuid(), "F1-A", "F1", condition, severity, resolvedAt is null ? AlertStatus.Raised : AlertStatus.Resolved,
            raisedAt, raisedAt, null, null, null, null, resolvedAt, 0, null);
}
