using CowHealth.Simulator.Conditions;
using Microsoft.Extensions.Configuration;
using CowHealth.Tests.Infrastructure;
using CowHealth.Tests.Observability;

namespace CowHealth.Tests.EndToEnd;

/// <summary>
/// What someone who types <c>dotnet run --project src/LocalRun</c> sees: with the run's own settings
/// file, a demo herd whose scheduled conditions become alerts while the simulator catches up.
/// </summary>
[Collection(PostgresCollection.Name)] // not for PostgreSQL: whole-pipeline specs take turns on two cores
public sealed class LocalRunDemo_Specs : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("cowhealth-demo-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task The_demo_herd_shows_its_cows_and_raises_an_alert_for_every_scheduled_condition()
    {
        var builder = new LocalRunBuilder()
            .WithTheLocalRunsOwnSettings()
            .With("Storage:ConnectionString", $"Data Source={Path.Combine(_folder.FullName, "demo.db")}");
        var scheduled = builder.Configuration().GetSection("Conditions:Scheduled").Get<List<ScheduledCondition>>() ?? [];
        Assert.True(scheduled.Count >= 3, "the local run schedules a few conditions");
        await using var run = await builder.StartAsync();
        using var gateway = new HttpClient { BaseAddress = run.GatewayUrl };

        foreach (var cow in scheduled.Select(s => s.CowId).Distinct())
        {
            await Eventually.Until(
                async () => (await gateway.GetAsync($"/api/cows/{cow}")).IsSuccessStatusCode ? cow : null,
                TimeSpan.FromSeconds(120), $"the Gateway to show cow {cow} with her latest reading");
        }

        var conditions = scheduled.Select(s => s.Condition).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var raised = await Eventually.Until(
            async () =>
            {
                var processor = await ScrapedMetrics.From(run.ProcessorUrl);
                return conditions.All(c => processor.Sum("cowhealth_processor_alert_events", ("event", "raised"), ("condition", c)) > 0) ? processor : null;
            },
            TimeSpan.FromSeconds(120), $"an alert raised for each of {string.Join(", ", conditions)}");
        Assert.True(raised.Sum("cowhealth_processor_alerts_open") > 0, "some alerts are still open for farm staff to see");
    }
}
