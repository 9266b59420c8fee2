using CowHealth.Simulator.Clock;
using CowHealth.Simulator.Conditions;
using Microsoft.Extensions.Configuration;
using CowHealth.Tests.Infrastructure;
using CowHealth.Tests.Observability;

namespace CowHealth.Tests.EndToEnd;

/// <summary>
/// What someone who types <c>dotnet run --project src/LocalRun</c> sees: with the run's own settings
/// file, a demo herd whose scheduled conditions become alerts, one after another, while the
/// simulator catches up at a pace a person can follow on the herd page.
/// </summary>
[Collection(PostgresCollection.Name)] // not for PostgreSQL: whole-pipeline specs take turns on two cores
public sealed class LocalRunDemo_Specs : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("cowhealth-demo-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void The_demo_lands_a_first_condition_within_a_quarter_minute_and_keeps_landing_them_through_its_catch_up()
    {
        var settings = new LocalRunBuilder().WithTheLocalRunsOwnSettings().Configuration();
        var simulation = settings.GetSection(SimulationOptions.Section).Get<SimulationOptions>()!;
        var onsets = Scheduled(settings).Select(s => WallSeconds(s.OnsetAfterHours, simulation)).Order().ToList();
        var catchUpSeconds = WallSeconds(simulation.CatchUpDays * 24, simulation);

        // Sensor trouble needs no learned normal, so it can come first; an alert follows within an hour or two of event time.
        Assert.True(onsets[0] <= 15, $"the first condition starts {onsets[0]:0} s into the demo");
        Assert.True(catchUpSeconds >= 120, $"the catch-up lasts {catchUpSeconds:0} s: long enough to watch");
        var longestQuiet = onsets.Zip(onsets.Skip(1), (a, b) => b - a).Append(catchUpSeconds - onsets[^1]).Max();
        Assert.True(longestQuiet <= 40, $"{longestQuiet:0} s pass without a new condition during the catch-up");
    }

    [Fact]
    public async Task The_demo_herd_raises_escalates_and_resolves_alerts_for_its_scheduled_conditions_during_the_catch_up()
    {
        // The demo's own herd and schedule, simulated six times faster than a person watches it: event
        // times, and so the alerts' lives, are the same; only the wall-clock wait is shorter.
        var builder = new LocalRunBuilder()
            .WithTheLocalRunsOwnSettings()
            .With("Storage:ConnectionString", $"Data Source={Path.Combine(_folder.FullName, "demo.db")}")
            .With("Simulation:SimulatedMinutesPerSecond", "360");
        var scheduled = Scheduled(builder.Configuration());
        Assert.True(scheduled.Count >= 6, "the local run schedules a good few conditions");
        await using var run = await builder.StartAsync();

        var conditions = scheduled.Select(s => s.Condition).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var seen = await Eventually.Until(
            async () =>
            {
                var processor = await ScrapedMetrics.From(run.ProcessorUrl);
                double Events(string kind) => processor.Sum("cowhealth_processor_alert_events", ("event", kind));
                return conditions.All(c => processor.Sum("cowhealth_processor_alert_events", ("event", "raised"), ("condition", c)) > 0)
                    && Events("escalated") > 0 && Events("resolved") > 0
                    ? processor
                    : null;
            },
            TimeSpan.FromSeconds(150), $"an alert raised for each of {string.Join(", ", conditions)}, and alerts escalated and resolved");
        Assert.True(seen.Sum("cowhealth_processor_alerts_open") > 0, "some alerts are still open for farm staff to see");
    }

    private static List<ScheduledCondition> Scheduled(IConfiguration settings) =>
        settings.GetSection("Conditions:Scheduled").Get<List<ScheduledCondition>>() ?? [];

    private static double WallSeconds(double simulatedHours, SimulationOptions simulation) =>
        simulatedHours * 60 / simulation.SimulatedMinutesPerSecond;
}
