using CowHealth.Contracts;
using CowHealth.Simulator.FakeApi;
using CowHealth.Simulator.Publishing;
using Microsoft.Extensions.Options;

namespace CowHealth.Tests.Simulator;

/// <summary>The bounded polling window behind <c>GET /api/readings</c>.</summary>
public sealed class RecentReadings_Specs
{
    private static readonly DateTimeOffset Start = CowSeries.Monday;

    [Fact]
    public void Readings_come_oldest_first_and_next_continues_where_the_page_ended()
    {
        var recent = Keeping(100);
        recent.Append(Interval(0, cows: 5));
        recent.Append(Interval(1, cows: 5));

        var first = recent.After(0, limit: 4);
        var second = recent.After(first.Next, limit: 4);
        var third = recent.After(second.Next, limit: 4);

        Assert.Equal(4, first.Next);
        Assert.Equal(Interval(0, cows: 5).Take(4), first.Readings);
        Assert.Equal(Interval(0, cows: 5).Skip(4).Concat(Interval(1, cows: 5).Take(3)), second.Readings);
        Assert.Equal(Interval(1, cows: 5).Skip(3), third.Readings);
        Assert.Empty(recent.After(third.Next, limit: 4).Readings);
        Assert.Equal(third.Next, recent.After(third.Next, limit: 4).Next);
    }

    [Fact]
    public void Only_the_configured_number_of_readings_is_kept_and_a_poller_that_fell_behind_is_told_how_many_it_missed()
    {
        var recent = Keeping(10);
        for (var interval = 0; interval < 10; interval++)
        {
            recent.Append(Interval(interval, cows: 3));
        }

        var page = recent.After(0, limit: 100);

        Assert.Equal(10, page.Readings.Count);
        Assert.Equal(20, page.Missed);
        Assert.Equal(30, page.Next);
        Assert.Equal(Interval(9, cows: 3), page.Readings.TakeLast(3));
    }

    [Fact]
    public void Polling_by_time_returns_the_readings_measured_after_it()
    {
        var recent = Keeping(100);
        for (var interval = 0; interval < 4; interval++)
        {
            recent.Append(Interval(interval, cows: 2));
        }

        var page = recent.MeasuredAfter(Start.AddMinutes(10), limit: 100);

        Assert.Equal(Interval(2, cows: 2).Concat(Interval(3, cows: 2)), page.Readings);
        Assert.Equal(8, page.Next);
    }

    [Fact]
    public void A_poller_ahead_of_the_newest_reading_is_brought_back_to_it()
    {
        var recent = Keeping(100);
        recent.Append(Interval(0, cows: 2));

        Assert.Equal(2, recent.After(1_000, limit: 10).Next);
    }

    private static RecentReadings Keeping(int readings) => new(Options.Create(new FakeApiOptions { RecentReadingsKept = readings }));

    private static SensorReading[] Interval(int n, int cows) =>
        Enumerable.Range(0, cows).Select(c => new SensorReading(
            new Guid(n, (short)c, 0, new byte[8]), $"C{c}", "F01", $"S{c}", Start.AddMinutes(10 * n), 39, 1, 4, 0, null)).ToArray();
}
