using CowHealth.Contracts;
using CowHealth.Simulator.Conditions;

namespace CowHealth.Tests.Simulator;

/// <summary>Every condition, injected or arising on its own, is recorded and can be read back.</summary>
public sealed class GroundTruth_Specs
{
    private static readonly DateTimeOffset Start = CowSeries.Monday;

    [Fact]
    public void Injected_conditions_are_read_back_exactly_as_injected()
    {
        var herd = new HerdBuilder().Build();
        var injected = new[]
        {
            herd.Inject(herd.Cows[1], HealthCondition.Fever, Start.AddHours(30), TimeSpan.FromDays(3)),
            herd.Inject(herd.Cows[4], HealthCondition.Heat, Start.AddHours(7), TimeSpan.FromHours(14)),
            herd.Inject(herd.Cows[4], HealthCondition.SensorOffline, Start.AddDays(2), TimeSpan.FromHours(2)),
        };

        var truth = new GroundTruth(herd).Between(Start, Start.AddDays(7));

        Assert.Equal(injected.OrderBy(e => e.OnsetAt), truth);
        Assert.Equal(
            (herd.Cows[1].CowId, herd.Cows[1].FarmId, HealthCondition.Fever, Start.AddHours(30), Start.AddHours(102), ConditionOrigin.Injected),
            (truth[1].CowId, truth[1].FarmId, truth[1].Condition, truth[1].OnsetAt, truth[1].EndsAt, truth[1].Origin));
        Assert.Equal([injected[1], injected[2]], new GroundTruth(herd).Between(Start, Start.AddDays(7), herd.Cows[4]));
    }

    [Fact]
    public void A_condition_cannot_be_injected_into_readings_already_sent()
    {
        var herd = new HerdBuilder().Build();
        herd.Scenarios.SealThrough(Start.AddHours(5));

        Assert.Equal(InjectionOutcome.OnsetAlreadySent, herd.Scenarios.TryInject(herd.Cows[0], HealthCondition.Fever, Start.AddHours(5), TimeSpan.FromDays(1), out _));
        Assert.Equal(InjectionOutcome.Recorded, herd.Scenarios.TryInject(herd.Cows[0], HealthCondition.Fever, Start.AddHours(5).AddMinutes(1), TimeSpan.FromDays(1), out _));
    }

    [Fact]
    public void The_scenario_book_refuses_injections_beyond_its_bound()
    {
        var herd = new HerdBuilder().WithConditions(c => c.MaxInjected = 2).Build();
        herd.Inject(herd.Cows[0], HealthCondition.Heat, Start, TimeSpan.FromHours(10));
        herd.Inject(herd.Cows[1], HealthCondition.Heat, Start, TimeSpan.FromHours(10));

        Assert.Equal(InjectionOutcome.BookFull, herd.Scenarios.TryInject(herd.Cows[2], HealthCondition.Heat, Start, TimeSpan.FromHours(10), out _));
        Assert.Equal(2, herd.Scenarios.All.Count);
    }

    [Theory]
    [InlineData(0.35, 0.5, 0.3, 1.0, 0.05)]
    [InlineData(2.0, 0.0, 1.0, 3.0, 0.5)]
    public void Spontaneous_conditions_arise_at_the_configured_rates(double fever, double acidosis, double lowWater, double offline, double fault)
    {
        var herd = new HerdBuilder().WithCows(2, 300).WithSpontaneousConditions(c =>
        {
            c.FeverPerCowYear = fever;
            c.SubacuteRuminalAcidosisPerCowYear = acidosis;
            c.LowWaterIntakePerCowYear = lowWater;
            c.SensorOfflinePerCowYear = offline;
            c.SensorFaultPerCowYear = fault;
        }).Build();

        var year = new GroundTruth(herd).Between(Start, Start.AddDays(365))
            .Where(e => e.OnsetAt >= Start) // leave out those already under way when the year began
            .ToLookup(e => e.Condition);

        foreach (var (condition, perCowYear) in new[]
        {
            (HealthCondition.Fever, fever), (HealthCondition.SubacuteRuminalAcidosis, acidosis),
            (HealthCondition.LowWaterIntake, lowWater), (HealthCondition.SensorOffline, offline), (HealthCondition.SensorFault, fault),
        })
        {
            var expected = perCowYear * herd.Cows.Count;
            // A Poisson count: four standard deviations either way.
            var tolerance = 4 * Math.Sqrt(Math.Max(expected, 1));
            Assert.InRange(year[condition].Count(), expected - tolerance, expected + tolerance);
        }
    }

    [Fact]
    public void Cows_calve_once_per_calving_interval_and_come_into_heat_every_three_weeks_until_they_conceive()
    {
        var herd = new HerdBuilder().WithCows(1, 100).WithSpontaneousConditions(c => c.CalvingIntervalDays = 400).Build();
        var truth = new GroundTruth(herd);

        foreach (var cow in herd.Cows)
        {
            var episodes = truth.Between(Start, Start.AddDays(366), cow).Concat(truth.Between(Start.AddDays(366), Start.AddDays(732), cow)).ToList();
            var calvings = episodes.Where(e => e.Condition == HealthCondition.Calving).Select(e => e.EndsAt).Distinct().ToList();
            var heats = episodes.Where(e => e.Condition == HealthCondition.Heat).Select(e => e.OnsetAt).Distinct().ToList();

            Assert.InRange(calvings.Count, 1, 2);
            Assert.All(calvings.Zip(calvings.Skip(1)), pair => Assert.InRange((pair.Second - pair.First).TotalDays, 380, 420));
            Assert.All(episodes.Where(e => e.Condition == HealthCondition.Calving), e => Assert.InRange((e.EndsAt - e.OnsetAt).TotalHours, 18, 30));
            Assert.All(episodes.Where(e => e.Condition == HealthCondition.Heat), e => Assert.InRange((e.EndsAt - e.OnsetAt).TotalHours, 8, 18));
            foreach (var heat in heats)
            {
                var sinceCalving = calvings.Where(c => c < heat).Select(c => (heat - c).TotalDays).DefaultIfEmpty(double.NaN).Min();
                var untilCalving = calvings.Where(c => c > heat).Select(c => (c - heat).TotalDays).DefaultIfEmpty(double.NaN).Min();
                Assert.False(sinceCalving < 40, $"{cow.CowId} came into heat {sinceCalving:0} days after calving");
                Assert.False(untilCalving < 279, $"{cow.CowId} came into heat {untilCalving:0} days before calving, while pregnant");
            }

            Assert.All(heats.Zip(heats.Skip(1)).Where(p => (p.Second - p.First).TotalDays < 100), pair => Assert.InRange((pair.Second - pair.First).TotalDays, 18, 24));
        }

        var heatsPerCowYear = herd.Cows.Sum(c => truth.Between(Start, Start.AddDays(365), c).Count(e => e.Condition == HealthCondition.Heat)) / (double)herd.Cows.Count;
        Assert.InRange(heatsPerCowYear, 2.0, 5.0);
    }

    [Fact]
    public void Spontaneous_conditions_leave_their_signature_in_the_readings()
    {
        var herd = new HerdBuilder().WithCows(1, 100).WithSpontaneousConditions(c => (c.SensorOfflinePerCowYear, c.SensorFaultPerCowYear) = (10, 5)).Build();

        var truth = new GroundTruth(herd).Between(Start.AddDays(2), Start.AddDays(40));
        var cows = herd.Cows.ToDictionary(c => c.CowId);
        Assert.Contains(truth, e => e.Condition == HealthCondition.SensorOffline);
        Assert.Contains(truth, e => e.Condition == HealthCondition.SensorFault);
        Assert.Contains(truth, e => e.Condition == HealthCondition.Heat);
        foreach (var episode in truth)
        {
            var cow = cows[episode.CowId];
            var during = herd.Readings(cow, episode.OnsetAt, episode.EndsAt);
            switch (episode.Condition)
            {
                case HealthCondition.SensorOffline:
                    Assert.Empty(during);
                    break;
                case HealthCondition.SensorFault when !truth.Any(e => e.CowId == cow.CowId && e.Condition == HealthCondition.SensorOffline && e.Overlaps(episode.OnsetAt, episode.EndsAt)):
                    Assert.All(during, r => Assert.True(r.RumenTemperatureCelsius is < 26 or > 45));
                    break;
                case HealthCondition.Heat when during.Count > 0:
                    var dayBefore = herd.Readings(cow, episode.OnsetAt.AddDays(-1), episode.EndsAt.AddDays(-1));
                    // Its ramps at either end take up to half of a short heat.
                    var shown = 1 + (0.5 * (episode.Severity!.Value - 1));
                    Assert.True(during.Sum(r => r.ActivityIndex) > shown * dayBefore.Sum(r => r.ActivityIndex),
                        $"{cow.CowId}'s heat of {episode.Severity}× at {episode.OnsetAt:O} did not show {shown:0.00}× her activity");
                    break;
            }
        }
    }

    [Fact]
    public void With_spontaneous_conditions_off_a_herd_only_falls_ill_when_told_to()
    {
        var herd = new HerdBuilder().WithCows(2, 100).Build();

        Assert.Empty(new GroundTruth(herd).Between(Start, Start.AddDays(365)));
    }

    [Fact]
    public void Active_conditions_are_counted_by_kind()
    {
        var herd = new HerdBuilder().Build();
        herd.Inject(herd.Cows[0], HealthCondition.Fever, Start, TimeSpan.FromDays(2));
        herd.Inject(herd.Cows[1], HealthCondition.Fever, Start, TimeSpan.FromDays(2));
        herd.Inject(herd.Cows[2], HealthCondition.Heat, Start, TimeSpan.FromHours(12));

        var counts = new GroundTruth(herd).ActiveCountsAt(Start.AddHours(6));

        Assert.Equal(2, counts[HealthCondition.Fever]);
        Assert.Equal(1, counts[HealthCondition.Heat]);
        Assert.Equal(0, counts[HealthCondition.Calving]);
        Assert.Equal(InjectableConditions.All.Count, counts.Count);
    }

    [Fact]
    public void Ground_truth_is_asked_about_a_bounded_window()
    {
        var herd = new HerdBuilder().Build();

        Assert.Throws<ArgumentOutOfRangeException>(() => new GroundTruth(herd).Between(Start, Start.AddDays(400)));
    }
}
