using CowHealth.Processor.Ingestion;

namespace CowHealth.Tests.Processor;

/// <summary>The event clock of one readings partition and the silences it reveals.</summary>
public sealed class PartitionClock_Specs
{
    private static readonly DateTime Start = new(2026, 5, 1, 6, 0, 0, DateTimeKind.Utc);
    private static readonly long TwoHours = TimeSpan.FromHours(2).Ticks;

    [Fact]
    public void A_cow_silent_past_her_farms_threshold_is_handed_out_once_at_the_first_scan_after_it()
    {
        var clock = new PartitionClock([("quiet", "F01", Start), ("busy", "F01", Start)]);

        Assert.Null(clock.Advance(Start.AddSeconds(30), _ => TwoHours)); // same minute: no scan
        Assert.Empty(Heard(clock, "busy", Start.AddHours(2))!.Value.Silent); // exactly two hours is not longer than two hours
        var scan = Heard(clock, "busy", Start.AddHours(2).AddMinutes(1));

        Assert.Equal(("quiet", Start.AddHours(2).AddMinutes(1)), (Assert.Single(scan!.Value.Silent), scan.Value.At.UtcDateTime));
        Assert.Empty(Heard(clock, "busy", Start.AddHours(3))!.Value.Silent);
    }

    [Fact]
    public void A_cow_heard_again_can_fall_silent_again_and_an_old_redelivered_reading_changes_nothing()
    {
        var clock = new PartitionClock([("quiet", "F01", Start)]);
        Assert.Equal("quiet", Assert.Single(clock.Advance(new DateTimeOffset(Start.AddHours(3)), _ => TwoHours)!.Value.Silent));

        clock.Heard("quiet", "F01", Start); // her last reading again: a re-delivery
        Assert.Empty(clock.Advance(new DateTimeOffset(Start.AddHours(4)), _ => TwoHours)!.Value.Silent);

        clock.Heard("quiet", "F01", Start.AddHours(4));
        Assert.Equal("quiet", Assert.Single(clock.Advance(new DateTimeOffset(Start.AddHours(6).AddMinutes(1)), _ => TwoHours)!.Value.Silent));
    }

    [Fact]
    public void Each_farm_has_its_own_threshold()
    {
        var clock = new PartitionClock([("strict", "F01", Start), ("lenient", "F02", Start)]);

        var scan = clock.Advance(new DateTimeOffset(Start.AddHours(3)), farm => farm == "F01" ? TwoHours : TwoHours * 2);

        Assert.Equal("strict", Assert.Single(scan!.Value.Silent));
    }

    [Fact]
    public void A_clock_loaded_from_storage_stands_at_the_partitions_newest_reading_and_does_not_scan_that_minute_again()
    {
        var clock = new PartitionClock([("quiet", "F01", Start), ("busy", "F01", Start.AddHours(5))]);

        Assert.Null(clock.Advance(new DateTimeOffset(Start.AddHours(1)), _ => TwoHours)); // an older reading does not turn the clock back
        Assert.Null(clock.Advance(new DateTimeOffset(Start.AddHours(5).AddSeconds(20)), _ => TwoHours));
        Assert.Equal("quiet", Assert.Single(clock.Advance(new DateTimeOffset(Start.AddHours(5).AddMinutes(1)), _ => TwoHours)!.Value.Silent));
    }

    private static (DateTimeOffset At, List<string> Silent)? Heard(PartitionClock clock, string cowId, DateTime at)
    {
        var scan = clock.Advance(new DateTimeOffset(at), _ => TwoHours);
        clock.Heard(cowId, "F01", new DateTimeOffset(at));
        return scan;
    }
}
