using CowHealth.Contracts;
using CowHealth.Simulator.Herd;

namespace CowHealth.Tests.Simulator;

/// <summary>Each condition leaves the mark in a cow's readings that detection is meant to find.</summary>
public sealed class ConditionSignature_Specs
{
    private static readonly DateTimeOffset Onset = CowSeries.Monday.AddDays(3).AddHours(8);

    [Theory]
    [InlineData(1.0, 12.0)]
    [InlineData(1.5, 6.0)]
    public void Fever_raises_temperature_above_baseline_by_the_configured_margin_within_the_configured_time(double riseCelsius, double riseHours)
    {
        var herd = new HerdBuilder().WithConditions(c => (c.FeverRiseCelsius, c.FeverRiseHours) = (riseCelsius, riseHours)).Build();

        foreach (var cow in herd.Cows.Take(5))
        {
            herd.Inject(cow, HealthCondition.Fever, Onset, TimeSpan.FromDays(3));
            var risen = Onset.AddHours(riseHours);

            var rise = Typical(herd, cow, risen) - Typical(herd, cow, risen.AddDays(-1));
            Assert.InRange(rise, riseCelsius - 0.15, riseCelsius + 0.15);
            var halfway = Onset.AddHours((riseHours / 2) - 0.5);
            var halfRise = Typical(herd, cow, halfway, hours: 1) - Typical(herd, cow, halfway.AddDays(-1), hours: 1);
            Assert.True(halfRise < riseCelsius - 0.2, $"{cow.CowId}'s fever was already {halfRise:0.00} °C up half-way through its rise");
        }
    }

    [Fact]
    public void Fever_lowers_rumination_and_activity()
    {
        var herd = new HerdBuilder().Build();

        foreach (var cow in herd.Cows.Take(5))
        {
            herd.Inject(cow, HealthCondition.Fever, Onset, TimeSpan.FromDays(3));
            var ill = herd.Readings(cow, Onset.AddHours(12), TimeSpan.FromDays(1));
            var well = herd.Readings(cow, Onset.AddHours(12).AddDays(-2), TimeSpan.FromDays(1));

            Assert.True(ill.Sum(r => r.RuminationMinutes) < 0.75 * well.Sum(r => r.RuminationMinutes), $"{cow.CowId} kept ruminating");
            Assert.True(ill.Sum(r => r.ActivityIndex) < 0.85 * well.Sum(r => r.ActivityIndex), $"{cow.CowId} kept moving");
        }
    }

    [Fact]
    public void Heat_multiplies_activity_for_hours_and_lifts_temperature_slightly()
    {
        var herd = new HerdBuilder().WithConditions(c => c.HeatActivityFactor = 3.0).Build();

        foreach (var cow in herd.Cows.Take(5))
        {
            herd.Inject(cow, HealthCondition.Heat, Onset, TimeSpan.FromHours(14));
            var inHeat = herd.Readings(cow, Onset.AddHours(3), TimeSpan.FromHours(8));
            var dayBefore = herd.Readings(cow, Onset.AddHours(3).AddDays(-1), TimeSpan.FromHours(8));

            Assert.InRange(inHeat.Sum(r => r.ActivityIndex) / dayBefore.Sum(r => r.ActivityIndex), 2.4, 3.6);
            Assert.InRange(Typical(herd, cow, Onset.AddHours(6)) - Typical(herd, cow, Onset.AddHours(6).AddDays(-1)), 0.1, 0.5);
            var after = herd.Readings(cow, Onset.AddHours(15), TimeSpan.FromHours(8));
            var dayBeforeAfter = herd.Readings(cow, Onset.AddHours(15).AddDays(-1), TimeSpan.FromHours(8));
            Assert.InRange(after.Sum(r => r.ActivityIndex) / dayBeforeAfter.Sum(r => r.ActivityIndex), 0.7, 1.4);
        }
    }

    [Fact]
    public void Calving_drops_temperature_in_the_last_day_and_makes_the_cow_restless()
    {
        var herd = new HerdBuilder().WithConditions(c => c.CalvingDropCelsius = 0.4).Build();

        foreach (var cow in herd.Cows.Take(5))
        {
            herd.Inject(cow, HealthCondition.Calving, Onset, TimeSpan.FromDays(1));
            var calvingAt = Onset.AddDays(1);

            var drop = Typical(herd, cow, calvingAt.AddHours(-9), hours: 6) - Typical(herd, cow, calvingAt.AddHours(-9).AddDays(-1), hours: 6);
            Assert.InRange(drop, -0.55, -0.25);
            var labour = herd.Readings(cow, calvingAt.AddHours(-3), TimeSpan.FromHours(3));
            var sameHoursBefore = herd.Readings(cow, calvingAt.AddHours(-3).AddDays(-2), TimeSpan.FromHours(3));
            Assert.True(labour.Sum(r => r.ActivityIndex) > 1.3 * sameHoursBefore.Sum(r => r.ActivityIndex), $"{cow.CowId} was not restless");
            Assert.True(labour.Sum(r => r.RuminationMinutes) < 0.6 * sameHoursBefore.Sum(r => r.RuminationMinutes), $"{cow.CowId} kept ruminating");
        }
    }

    [Fact]
    public void Subacute_ruminal_acidosis_keeps_rumen_ph_below_5_8_for_hours_each_day()
    {
        var herd = new HerdBuilder().WithPhBolusOnEveryCow().WithConditions(c => c.AcidosisPhDrop = 0.7).Build();

        foreach (var cow in herd.Cows.Take(5))
        {
            herd.Inject(cow, HealthCondition.SubacuteRuminalAcidosis, Onset, TimeSpan.FromDays(4));
            for (var day = 1; day <= 2; day++)
            {
                var acidic = herd.Readings(cow, Onset.AddDays(day), TimeSpan.FromDays(1));
                Assert.True(HoursBelow(acidic, 5.8) >= 6, $"{cow.CowId} spent only {HoursBelow(acidic, 5.8):0.0} h below pH 5.8 on day {day}");
            }

            Assert.Equal(0, HoursBelow(herd.Readings(cow, Onset.AddDays(-1), TimeSpan.FromDays(1)), 5.8));
        }
    }

    [Fact]
    public void Low_water_intake_cuts_drinking_cycles_and_the_water_drunk()
    {
        var herd = new HerdBuilder().WithConditions(c => c.LowWaterIntakeShare = 0.35).Build();

        foreach (var cow in herd.Cows.Take(5))
        {
            herd.Inject(cow, HealthCondition.LowWaterIntake, Onset, TimeSpan.FromDays(3));
            var thirsty = herd.Readings(cow, Onset, TimeSpan.FromDays(3));
            var usual = herd.Readings(cow, Onset.AddDays(-3), TimeSpan.FromDays(3));

            Assert.InRange(thirsty.Sum(r => r.WaterIntakeLitres!.Value) / usual.Sum(r => r.WaterIntakeLitres!.Value), 0.1, 0.6);
            Assert.True(thirsty.Count(r => r.WaterIntakeLitres > 0) < 0.6 * usual.Count(r => r.WaterIntakeLitres > 0));
        }
    }

    [Fact]
    public void A_sensor_offline_sends_nothing_for_its_duration()
    {
        var herd = new HerdBuilder().Build();
        var cow = herd.Cows[0];

        herd.Inject(cow, HealthCondition.SensorOffline, Onset, TimeSpan.FromHours(6));

        Assert.NotNull(herd.ReadingOf(cow, Onset - herd.SensorInterval));
        Assert.Empty(herd.Readings(cow, Onset, TimeSpan.FromHours(6)));
        Assert.NotNull(herd.ReadingOf(cow, Onset.AddHours(6)));
    }

    [Fact]
    public void A_faulty_sensor_sends_values_no_living_cow_has()
    {
        var herd = new HerdBuilder().WithPhBolusOnEveryCow().Build();
        var cow = herd.Cows[0];

        herd.Inject(cow, HealthCondition.SensorFault, Onset, TimeSpan.FromHours(12));

        var faulty = herd.Readings(cow, Onset, TimeSpan.FromHours(12));
        Assert.Equal(72, faulty.Count);
        Assert.All(faulty, r => Assert.True(r.RumenTemperatureCelsius is < 26 or > 45, $"{r.RumenTemperatureCelsius} °C could be a cow"));
        Assert.All(faulty, r => Assert.True(r.RumenPh is < 5 or > 8.5, $"pH {r.RumenPh} could be a rumen"));
        Assert.All(herd.Readings(cow, Onset.AddHours(12), TimeSpan.FromHours(12)), r => Assert.InRange(r.RumenTemperatureCelsius, 29, 40));
    }

    [Theory]
    [InlineData(HealthCondition.Fever)]
    [InlineData(HealthCondition.Heat)]
    [InlineData(HealthCondition.Calving)]
    [InlineData(HealthCondition.SubacuteRuminalAcidosis)]
    [InlineData(HealthCondition.LowWaterIntake)]
    [InlineData(HealthCondition.SensorOffline)]
    [InlineData(HealthCondition.SensorFault)]
    public void Once_a_condition_ends_the_cow_reads_exactly_as_if_she_had_never_had_it(HealthCondition condition)
    {
        var herd = new HerdBuilder().WithPhBolusOnEveryCow().Build();
        var neverIll = new HerdBuilder().WithPhBolusOnEveryCow().Build();
        var cow = herd.Cows[2];

        herd.Inject(cow, condition, Onset, TimeSpan.FromDays(2));

        var ended = Onset.AddDays(2);
        Assert.NotEqual(neverIll.Readings(cow, Onset, ended), herd.Readings(cow, Onset, ended));
        // Drinking looks back two hours; from then on nothing of the condition is left.
        Assert.Equal(neverIll.Readings(cow, ended.AddHours(2), TimeSpan.FromDays(1)), herd.Readings(cow, ended.AddHours(2), TimeSpan.FromDays(1)));
    }

    /// <summary>A cow's temperature over a few hours from <paramref name="from"/>, ignoring drinking dips (they only pull readings down).</summary>
    private static double Typical(HerdModel herd, SimulatedCow cow, DateTimeOffset from, double hours = 3) =>
        herd.Readings(cow, from, TimeSpan.FromHours(hours)).Select(r => r.RumenTemperatureCelsius).Quantile(0.75);

    private static double HoursBelow(IEnumerable<Contracts.SensorReading> readings, double ph) =>
        readings.Count(r => r.RumenPh < ph) / 6.0;
}
