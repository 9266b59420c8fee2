using CowHealth.Simulator.Clock;
using CowHealth.Simulator.Herd;
using Microsoft.Extensions.Options;

namespace CowHealth.Tests.Simulator;

/// <summary>When each interval's readings are sent, in each clock mode. No reading is ever sent before it was measured.</summary>
public sealed class SimulationSchedule_Specs
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);
    private static readonly DateTimeOffset WallNow = new(2026, 11, 28, 12, 34, 56, TimeSpan.Zero);

    [Fact]
    public void Accelerated_mode_starts_two_days_back_by_default_and_runs_at_its_speed()
    {
        var schedule = SimulationSchedule.For(new SimulationOptions { Mode = ClockMode.Accelerated, SimulatedMinutesPerSecond = 10 }, Interval, WallNow);

        Assert.Equal(new DateTimeOffset(2026, 11, 26, 12, 30, 0, TimeSpan.Zero), schedule.FirstReadingAt);
        Assert.Equal(WallNow, schedule.WallTimeWhenDue(schedule.FirstReadingAt));
        Assert.Equal(WallNow.AddSeconds(1), schedule.WallTimeWhenDue(schedule.FirstReadingAt + Interval));
        Assert.Equal(WallNow.AddSeconds(60), schedule.WallTimeWhenDue(schedule.FirstReadingAt.AddHours(10)));
    }

    [Fact]
    public void Accelerated_mode_keeps_real_time_pace_once_it_has_caught_up_with_the_wall_clock()
    {
        var schedule = SimulationSchedule.For(new SimulationOptions { Mode = ClockMode.Accelerated, SimulatedMinutesPerSecond = 60, CatchUpDays = 1 }, Interval, WallNow);

        // A day at an hour per second takes 24 s; from then on intervals fall due at their own time.
        Assert.Equal(WallNow.AddHours(1), schedule.WallTimeWhenDue(WallNow.AddHours(1)));
        Assert.Equal(WallNow.AddSeconds(30), schedule.DueThrough(WallNow.AddSeconds(30)));
    }

    [Theory]
    [InlineData(ClockMode.Accelerated)]
    [InlineData(ClockMode.RealTime)]
    [InlineData(ClockMode.Backfill)]
    public void No_mode_makes_a_reading_due_before_the_time_it_was_measured(ClockMode mode)
    {
        var schedule = SimulationSchedule.For(new SimulationOptions { Mode = mode, SimulatedMinutesPerSecond = 1_000, BackfillDays = 3 }, Interval, WallNow);

        for (var at = schedule.FirstReadingAt; schedule.Covers(at) && at < WallNow.AddDays(3); at += Interval)
        {
            Assert.True(schedule.WallTimeWhenDue(at) >= at, $"{at:O} would be sent at {schedule.WallTimeWhenDue(at):O}");
        }

        for (var wall = WallNow; wall < WallNow.AddDays(3); wall += TimeSpan.FromMinutes(7))
        {
            Assert.True(schedule.DueThrough(wall) <= wall);
        }
    }

    [Fact]
    public void Real_time_mode_sends_each_interval_once_the_wall_clock_has_passed_it()
    {
        var schedule = SimulationSchedule.For(new SimulationOptions { Mode = ClockMode.RealTime }, Interval, WallNow);

        Assert.Equal(new DateTimeOffset(2026, 11, 28, 12, 40, 0, TimeSpan.Zero), schedule.FirstReadingAt);
        Assert.Equal(schedule.FirstReadingAt, schedule.WallTimeWhenDue(schedule.FirstReadingAt));
        Assert.True(schedule.Covers(WallNow.AddYears(1)));
    }

    [Fact]
    public void Backfill_covers_the_configured_days_up_to_now_and_then_stops()
    {
        var schedule = SimulationSchedule.For(new SimulationOptions { Mode = ClockMode.Backfill, BackfillDays = 30 }, Interval, WallNow);

        Assert.Equal(WallNow, schedule.WallTimeWhenDue(schedule.FirstReadingAt.AddDays(20)));
        Assert.True(schedule.EndsBefore <= WallNow);
        Assert.Equal(30 * 144, (schedule.EndsBefore!.Value - schedule.FirstReadingAt) / Interval);
        Assert.False(schedule.Covers(schedule.EndsBefore.Value));
    }

    [Fact]
    public void A_backfill_that_would_reach_past_now_stops_at_now()
    {
        var schedule = SimulationSchedule.For(
            new SimulationOptions { Mode = ClockMode.Backfill, StartAt = WallNow.AddDays(-1), BackfillDays = 3 }, Interval, WallNow);

        Assert.Equal(new DateTimeOffset(2026, 11, 27, 12, 40, 0, TimeSpan.Zero), schedule.FirstReadingAt);
        Assert.True(schedule.Covers(new DateTimeOffset(2026, 11, 28, 12, 30, 0, TimeSpan.Zero)));
        Assert.False(schedule.Covers(new DateTimeOffset(2026, 11, 28, 12, 40, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Clock_lag_is_the_simulated_time_due_but_not_yet_acknowledged()
    {
        var wall = new SettableClock(WallNow);
        var herd = new HerdModel(Options.Create(new HerdOptions()));
        var clock = new SimulationClock(Options.Create(new SimulationOptions { Mode = ClockMode.RealTime, StartAt = WallNow.AddHours(-2) }), herd, wall);

        Assert.Equal(TimeSpan.FromMinutes(120), clock.Lag());

        clock.MarkProduced(new DateTimeOffset(2026, 11, 28, 12, 30, 0, TimeSpan.Zero));
        Assert.Equal(TimeSpan.Zero, clock.Lag());

        wall.Now = WallNow.AddMinutes(30);
        Assert.Equal(TimeSpan.FromMinutes(30), clock.Lag());
    }
}
