using CowHealth.Contracts;
using CowHealth.Simulator.Conditions;

namespace CowHealth.Tests.Simulator;

/// <summary>A healthy simulated herd: reproducible, and every value where a real cow's would be.</summary>
public sealed class HerdModel_Specs
{
    private static readonly DateTimeOffset Start = CowSeries.Monday;

    [Fact]
    public void The_same_seed_and_settings_give_the_same_readings_and_the_same_ground_truth()
    {
        var first = new HerdBuilder().WithSeed(5).WithSpontaneousConditions(c => c.FeverPerCowYear = 20).Build();
        var second = new HerdBuilder().WithSeed(5).WithSpontaneousConditions(c => c.FeverPerCowYear = 20).Build();

        foreach (var (a, b) in first.Cows.Zip(second.Cows))
        {
            Assert.Equal(a, b);
            Assert.Equal(first.Readings(a, Start, TimeSpan.FromDays(2)), second.Readings(b, Start, TimeSpan.FromDays(2)));
        }

        var truth = new GroundTruth(first).Between(Start, Start.AddDays(30));
        Assert.NotEmpty(truth);
        Assert.Equal(truth, new GroundTruth(second).Between(Start, Start.AddDays(30)));
    }

    [Fact]
    public void A_different_seed_gives_a_different_herd()
    {
        var first = new HerdBuilder().WithSeed(5).Build();
        var second = new HerdBuilder().WithSeed(6).Build();

        Assert.NotEqual(first.Cows[0].BaselineTemperatureCelsius, second.Cows[0].BaselineTemperatureCelsius);
        Assert.NotEqual(first.ReadingOf(first.Cows[0], Start), second.ReadingOf(second.Cows[0], Start));
    }

    [Fact]
    public void Any_day_can_be_generated_without_the_days_before_it()
    {
        var herd = new HerdBuilder().WithSpontaneousConditions().Build();
        var cow = herd.Cows[3];
        var dayThirty = Start.AddDays(30);

        var straightToDayThirty = herd.Readings(cow, dayThirty, TimeSpan.FromDays(1));
        var afterAMonth = new HerdBuilder().WithSpontaneousConditions().Build();
        afterAMonth.Readings(afterAMonth.Cows[3], Start, dayThirty);

        Assert.Equal(straightToDayThirty, afterAMonth.Readings(afterAMonth.Cows[3], dayThirty, TimeSpan.FromDays(1)));
    }

    [Fact]
    public void Healthy_rumen_temperature_stays_near_39_degrees_apart_from_drinking_dips()
    {
        var herd = new HerdBuilder().Build();

        foreach (var cow in herd.Cows)
        {
            for (var day = 0; day < 7; day++)
            {
                var temperatures = herd.Readings(cow, Start.AddDays(day), TimeSpan.FromDays(1)).Select(r => r.RumenTemperatureCelsius).ToList();
                // Most of the day the bolus reads body temperature; drinking only ever pulls it down.
                Assert.InRange(temperatures.Quantile(0.75), 38.4, 39.8);
                Assert.InRange(temperatures.Max(), 38.6, 40.0);
                Assert.InRange(temperatures.Min(), 29.0, 38.5);
            }
        }
    }

    [Fact]
    public void Temperature_follows_a_daily_rhythm_lowest_in_the_early_morning_and_highest_in_the_evening()
    {
        var herd = new HerdBuilder().Build();
        var readings = herd.Cows.SelectMany(c => herd.Readings(c, Start, TimeSpan.FromDays(7))).ToList();

        // The upper decile, because drinking only ever pulls a reading down.
        double TypicalAt(int hour) => readings.Where(r => r.MeasuredAt.Hour == hour).Select(r => r.RumenTemperatureCelsius).Quantile(0.9);

        Assert.InRange(TypicalAt(18) - TypicalAt(4), 0.3, 0.7);
    }

    [Fact]
    public void Drinking_pulls_temperature_down_by_several_degrees_and_it_recovers_within_about_an_hour()
    {
        var herd = new HerdBuilder().WithCows(1, 50).Build();
        var dips = new List<double>();
        foreach (var cow in herd.Cows)
        {
            var readings = herd.Readings(cow, Start, TimeSpan.FromDays(3));
            for (var n = 12; n < readings.Count - 9; n++)
            {
                // A good drink with nothing else drunk for two hours before and ninety minutes after.
                var lonely = readings.Skip(n - 12).Take(12).All(r => r.WaterIntakeLitres == 0)
                    && readings.Skip(n + 1).Take(9).All(r => r.WaterIntakeLitres == 0);
                if (readings[n].WaterIntakeLitres < 8 || !lonely)
                {
                    continue;
                }

                var before = readings[n - 1].RumenTemperatureCelsius;
                dips.Add(before - readings[n].RumenTemperatureCelsius);
                Assert.True(before - readings[n].RumenTemperatureCelsius > 1.0, $"{cow.CowId} at {readings[n].MeasuredAt:O} barely dipped");
                Assert.True(Math.Abs(readings[n + 7].RumenTemperatureCelsius - before) < 0.5, $"{cow.CowId} had not recovered an hour after drinking at {readings[n].MeasuredAt:O}");
            }
        }

        Assert.True(dips.Count > 50, $"only {dips.Count} drinking cycles to look at");
        Assert.InRange(dips.Quantile(0.5), 2.0, 6.0);
    }

    [Fact]
    public void Cows_drink_several_times_a_day_and_their_water_adds_up_to_a_normal_daily_intake()
    {
        var herd = new HerdBuilder().WithCows(1, 50).Build();

        foreach (var cow in herd.Cows)
        {
            for (var day = 0; day < 3; day++)
            {
                var readings = herd.Readings(cow, Start.AddDays(day), TimeSpan.FromDays(1));
                Assert.InRange(readings.Count(r => r.WaterIntakeLitres > 0), 5, 13);
                Assert.InRange(readings.Sum(r => r.WaterIntakeLitres!.Value), 40, 170);
            }
        }
    }

    [Fact]
    public void Rumination_adds_up_to_a_normal_daily_total()
    {
        var herd = new HerdBuilder().Build();

        foreach (var cow in herd.Cows)
        {
            var readings = herd.Readings(cow, Start, TimeSpan.FromDays(1));
            Assert.All(readings, r => Assert.InRange(r.RuminationMinutes, 0, herd.SensorInterval.TotalMinutes));
            Assert.InRange(readings.Sum(r => r.RuminationMinutes), 380, 620);
        }
    }

    [Fact]
    public void Activity_is_highest_around_feeding_and_lowest_at_night()
    {
        var herd = new HerdBuilder().Build();
        var readings = herd.Cows.SelectMany(c => herd.Readings(c, Start, TimeSpan.FromDays(3))).ToList();

        double MeanAt(int hour) => readings.Where(r => r.MeasuredAt.Hour == hour).Average(r => r.ActivityIndex);

        Assert.InRange(MeanAt(2), 0.8, 1.2);
        Assert.True(MeanAt(6) > 1.8 * MeanAt(2), $"feeding {MeanAt(6):0.00} against night {MeanAt(2):0.00}");
        Assert.True(MeanAt(17) > 1.8 * MeanAt(2), $"feeding {MeanAt(17):0.00} against night {MeanAt(2):0.00}");
    }

    [Fact]
    public void Only_cows_with_a_ph_bolus_report_ph_and_healthy_ph_dips_after_feeding_but_stays_above_5_8()
    {
        var herd = new HerdBuilder().WithCows(2, 50).Build();
        var withBolus = herd.Cows.Where(c => c.HasPhBolus).ToList();
        Assert.InRange(withBolus.Count, 10, 35); // the default share is 20%

        foreach (var cow in herd.Cows.Except(withBolus).Take(10))
        {
            Assert.All(herd.Readings(cow, Start, TimeSpan.FromDays(1)), r => Assert.Null(r.RumenPh));
        }

        var ph = withBolus.SelectMany(c => herd.Readings(c, Start, TimeSpan.FromDays(7))).ToList();
        Assert.All(ph, r => Assert.InRange(r.RumenPh!.Value, 5.7, 6.9));
        Assert.True(ph.Count(r => r.RumenPh < 5.8) < ph.Count / 1000, "healthy cows spend hardly any time below pH 5.8");
        double MedianAt(int hour) => ph.Where(r => r.MeasuredAt.Hour == hour).Select(r => r.RumenPh!.Value).Quantile(0.5);
        Assert.True(MedianAt(3) - MedianAt(9) > 0.2, "pH dips a few hours after the morning feed");
    }

    [Fact]
    public void Readings_come_at_the_resolution_of_a_commercial_bolus()
    {
        var herd = new HerdBuilder().WithPhBolusOnEveryCow().Build();

        foreach (var reading in herd.Cows.SelectMany(c => herd.Readings(c, Start, TimeSpan.FromDays(1))))
        {
            Assert.Equal(Math.Round(reading.RumenTemperatureCelsius, 2), reading.RumenTemperatureCelsius);
            Assert.Equal(Math.Round(reading.RumenPh!.Value, 2), reading.RumenPh);
            Assert.Equal(0, reading.MeasuredAt.UtcTicks % herd.SensorInterval.Ticks);
        }
    }

    [Fact]
    public void Every_cow_has_her_own_sensor_and_her_own_normal()
    {
        var herd = new HerdBuilder().WithCows(3, 40).Build();

        Assert.Equal(120, herd.Cows.Select(c => c.CowId).Distinct().Count());
        Assert.Equal(120, herd.Cows.Select(c => c.SensorId).Distinct().Count());
        Assert.Equal(3, herd.Cows.Select(c => c.FarmId).Distinct().Count());
        Assert.InRange(herd.Cows.Select(c => c.BaselineTemperatureCelsius).Max() - herd.Cows.Select(c => c.BaselineTemperatureCelsius).Min(), 0.3, 1.5);
        Assert.All(herd.Cows, c => Assert.InRange(c.BaselineTemperatureCelsius, 38.6, 39.4));
        Assert.All(herd.Cows, c => Assert.InRange(c.RuminationMinutesPerDay, 400, 600));
    }

    [Fact]
    public void A_healthy_herd_sends_a_reading_from_every_cow_every_interval()
    {
        var herd = new HerdBuilder().Build();

        foreach (var cow in herd.Cows)
        {
            Assert.Equal(144, herd.Readings(cow, Start, TimeSpan.FromDays(1)).Count);
        }

    }
}
