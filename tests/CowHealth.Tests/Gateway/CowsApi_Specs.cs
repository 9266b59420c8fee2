using System.Net;
using CowHealth.Contracts;
using CowHealth.Gateway.Cows;
using CowHealth.Gateway.Querying;
using CowHealth.Storage;
using CowHealth.Storage.Alerts;
using CowHealth.Tests.Infrastructure;
using CowHealth.Tests.Simulator;
using CowHealth.Tests.Storage;

namespace CowHealth.Tests.Gateway;

/// <summary>GET /api/cows and GET /api/cows/{cowId}: the herd list and one cow.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CowsApi_Specs(ThrowawayPostgres postgres)
{
    private static readonly DateTimeOffset Now = new(2026, 5, 10, 12, 0, 0, TimeSpan.Zero);
    private readonly StorageProviders _providers = new(postgres);
    private readonly SettableClock _clock = new(Now);

    [Theory]
    [MemberData(nameof(StorageProviders.Both), MemberType = typeof(StorageProviders))]
    public async Task Each_cow_is_listed_with_her_latest_reading_her_health_state_and_her_open_alert_count(StorageProvider provider)
    {
        await using var db = await _providers.NewDatabase(provider, "cows_list");
        var herd = await SeedFourCows(db);
        await using var gateway = await GatewayHost.StartAsync(db, _clock);

        var page = await gateway.Get<Page<CowView>>("/api/cows");

        Assert.Equal(["A1", "B2", "C3", "D4"], page.Items.Select(c => c.CowId));
        Assert.Null(page.NextCursor);
        Assert.Equal(
            [(HealthState.Critical, 1), (HealthState.Unwell, 2), (HealthState.Healthy, 0), (HealthState.Watch, 1)],
            page.Items.Select(c => (c.HealthState, c.OpenAlertCount)));
        var a1 = page.Items[0];
        Assert.Equal("F1", a1.FarmId);
        Assert.Equal("S-A1", a1.SensorId);
        Assert.Equal(Now.AddHours(-3), a1.FirstSeenAt);
        Assert.Equal(herd.LatestOfA1.ReadingId, a1.LatestReading.ReadingId);
        Assert.Equal(herd.LatestOfA1.MeasuredAt, a1.LatestReading.MeasuredAt);
        Assert.Equal(39.9, a1.LatestReading.RumenTemperatureCelsius);
        Assert.Equal(6.1, a1.LatestReading.RumenPh);
        Assert.Equal(12.5, a1.LatestReading.WaterIntakeLitres);
    }

    [Theory]
    [MemberData(nameof(StorageProviders.Both), MemberType = typeof(StorageProviders))]
    public async Task The_list_is_filtered_by_farm_and_by_any_of_several_health_states(StorageProvider provider)
    {
        await using var db = await _providers.NewDatabase(provider, "cows_filter");
        await SeedFourCows(db);
        await using var gateway = await GatewayHost.StartAsync(db, _clock);

        Assert.Equal(["C3", "D4"], await CowIds(gateway, "/api/cows?farmId=F2"));
        Assert.Equal(["A1", "D4"], await CowIds(gateway, "/api/cows?healthState=Critical&healthState=watch"));
        Assert.Equal(["A1", "D4"], await CowIds(gateway, "/api/cows?healthState=Critical,Watch"));
        Assert.Equal(["D4"], await CowIds(gateway, "/api/cows?farmId=F2&healthState=Watch"));
        Assert.Empty(await CowIds(gateway, "/api/cows?farmId=F9"));
    }

    [Theory]
    [MemberData(nameof(StorageProviders.Both), MemberType = typeof(StorageProviders))]
    public async Task Sorted_by_health_the_sickest_come_first_and_sorted_by_latest_reading_the_longest_silent(StorageProvider provider)
    {
        await using var db = await _providers.NewDatabase(provider, "cows_sort");
        await SeedFourCows(db);
        await using var gateway = await GatewayHost.StartAsync(db, _clock);

        Assert.Equal(["A1", "B2", "D4", "C3"], await CowIds(gateway, "/api/cows?sort=HealthState"));
        // D4 went quiet 5 hours ago, C3 2 hours ago, A1 and B2 (same time: by id) 10 minutes ago.
        Assert.Equal(["D4", "C3", "A1", "B2"], await CowIds(gateway, "/api/cows?sort=latestReading"));
    }

    [Theory]
    [InlineData("CowId")]
    [InlineData("HealthState")]
    [InlineData("LatestReading")]
    public async Task Walking_the_pages_lists_every_cow_exactly_once_in_every_sort(string sort)
    {
        await using var db = await _providers.NewDatabase(StorageProvider.Postgres, "cows_pages_" + sort);
        var herd = new StoredHerd(db, _clock);
        // Ties on purpose: three cows share each latest-reading time and most share a health state.
        await herd.Store(Enumerable.Range(0, 11).Select(i => StoredHerd.Reading($"cow-{i:00}", "F1", Now.AddMinutes(-10 * (i % 4)))));
        await herd.Raise("cow-03", "F1", HealthCondition.Fever, AlertSeverity.Critical, Now.AddHours(-1));
        await herd.Raise("cow-07", "F1", HealthCondition.Heat, AlertSeverity.Info, Now.AddHours(-1));
        await herd.Raise("cow-08", "F1", HealthCondition.Heat, AlertSeverity.Info, Now.AddHours(-1));
        await using var gateway = await GatewayHost.StartAsync(db, _clock);

        var all = await CowIds(gateway, $"/api/cows?sort={sort}&limit=200");
        var walked = await WalkPages(gateway, $"/api/cows?sort={sort}&limit=3");

        Assert.Equal(11, all.Count);
        Assert.Equal(all, walked);
    }

    [Fact]
    public async Task A_cursor_stays_in_place_while_new_cows_and_readings_arrive()
    {
        await using var db = await _providers.NewDatabase(StorageProvider.Postgres, "cows_cursor");
        var herd = new StoredHerd(db, _clock);
        await herd.Store(Enumerable.Range(1, 6).Select(i => StoredHerd.Reading($"c-{i}0", "F1", Now.AddMinutes(-20))));
        await using var gateway = await GatewayHost.StartAsync(db, _clock);

        var first = await gateway.Get<Page<CowView>>("/api/cows?limit=3");
        // While the client reads page one: two new cows, one sorting before the cursor and one after,
        // and new readings for cows on both sides of it.
        await herd.Store(
            StoredHerd.Reading("c-15", "F1", Now), StoredHerd.Reading("c-55", "F1", Now),
            StoredHerd.Reading("c-10", "F1", Now), StoredHerd.Reading("c-40", "F1", Now));
        var rest = await WalkPages(gateway, "/api/cows?limit=3&cursor=" + first.NextCursor);

        Assert.Equal(["c-10", "c-20", "c-30"], first.Items.Select(c => c.CowId));
        Assert.Equal(["c-40", "c-50", "c-55", "c-60"], rest);
    }

    [Fact]
    public async Task A_cursor_issued_for_one_sort_is_refused_for_another()
    {
        await using var db = await _providers.NewDatabase(StorageProvider.Postgres, "cows_cursor_sort");
        await new StoredHerd(db, _clock).Store(Enumerable.Range(0, 3).Select(i => StoredHerd.Reading($"cow-{i}", "F1", Now)));
        await using var gateway = await GatewayHost.StartAsync(db, _clock);
        var first = await gateway.Get<Page<CowView>>("/api/cows?limit=1");

        var problem = await gateway.Problem($"/api/cows?sort=HealthState&cursor={first.NextCursor}", HttpStatusCode.BadRequest);

        Assert.Contains("cursor", problem.Errors!.Keys);
        Assert.Contains("CowId", problem.Errors!["cursor"].Single());
    }

    [Theory]
    [MemberData(nameof(StorageProviders.Both), MemberType = typeof(StorageProviders))]
    public async Task One_cow_comes_with_her_latest_reading_her_health_state_and_her_open_alerts_newest_first(StorageProvider provider)
    {
        await using var db = await _providers.NewDatabase(provider, "cow_detail");
        var herd = await SeedFourCows(db);
        await using var gateway = await GatewayHost.StartAsync(db, _clock);

        var b2 = await gateway.Get<CowDetailView>("/api/cows/B2");

        Assert.Equal(("B2", "F1", "S-B2"), (b2.CowId, b2.FarmId, b2.SensorId));
        Assert.Equal(HealthState.Unwell, b2.HealthState);
        Assert.Equal([herd.RuminationOfB2, herd.HeatOfB2], b2.OpenAlerts.Select(a => a.AlertId));
        Assert.Equal(AlertStatus.Acknowledged, b2.OpenAlerts[0].Status);
        Assert.Equal(Now.AddMinutes(-10), b2.LatestReading.MeasuredAt);
        Assert.Null(b2.Baselines); // the Processor has not saved detection state for her
    }

    [Fact]
    public async Task An_unknown_cow_is_a_404_problem_that_names_her()
    {
        await using var db = await _providers.NewDatabase(StorageProvider.Postgres, "cow_unknown");
        await using var gateway = await GatewayHost.StartAsync(db, _clock);

        var problem = await gateway.Problem("/api/cows/no-such-cow", HttpStatusCode.NotFound);

        Assert.Equal(404, problem.Status);
        Assert.Contains("no-such-cow", problem.Detail);
    }

    private async Task<FourCows> SeedFourCows(CowHealthDb db)
    {
        var herd = new StoredHerd(db, _clock);
        var latestOfA1 = StoredHerd.Reading("A1", "F1", Now.AddMinutes(-10), temperature: 39.9, water: 12.5, ph: 6.1);
        await herd.Store(
            StoredHerd.Reading("A1", "F1", Now.AddHours(-3)), latestOfA1,
            StoredHerd.Reading("B2", "F1", Now.AddMinutes(-10)),
            StoredHerd.Reading("C3", "F2", Now.AddHours(-2)),
            StoredHerd.Reading("D4", "F2", Now.AddHours(-5)));

        // A1: a critical fever open, an earlier heat resolved. B2: heat (info) open, rumination drop
        // (warning) acknowledged. C3: nothing. D4: sensor offline (info).
        await herd.Raise("A1", "F1", HealthCondition.Fever, AlertSeverity.Critical, Now.AddHours(-2));
        var heatOfA1 = await herd.Raise("A1", "F1", HealthCondition.Heat, AlertSeverity.Info, Now.AddDays(-3));
        await herd.Resolve(heatOfA1, Now.AddDays(-2));
        var heatOfB2 = await herd.Raise("B2", "F1", HealthCondition.Heat, AlertSeverity.Info, Now.AddHours(-4));
        var ruminationOfB2 = await herd.Raise("B2", "F1", HealthCondition.RuminationDrop, AlertSeverity.Warning, Now.AddHours(-1));
        await herd.Acknowledge(ruminationOfB2, "Anna", "Seen her at milking.", Now.AddMinutes(-30));
        await herd.Raise("D4", "F2", HealthCondition.SensorOffline, AlertSeverity.Info, Now.AddHours(-3));
        return new FourCows(latestOfA1, heatOfB2, ruminationOfB2);
    }

    private static async Task<List<string>> CowIds(GatewayHost gateway, string url) =>
        [.. (await gateway.Get<Page<CowView>>(url)).Items.Select(c => c.CowId)];

    private static async Task<List<string>> WalkPages(GatewayHost gateway, string firstUrl)
    {
        var ids = new List<string>();
        var url = firstUrl;
        while (true)
        {
            var page = await gateway.Get<Page<CowView>>(url);
            ids.AddRange(page.Items.Select(c => c.CowId));
            if (page.NextCursor is null)
            {
                return ids;
            }

            url = firstUrl.Split("&cursor=")[0] + "&cursor=" + page.NextCursor;
        }
    }

    private sealed record FourCows(SensorReading LatestOfA1, Guid HeatOfB2, Guid RuminationOfB2);
}
