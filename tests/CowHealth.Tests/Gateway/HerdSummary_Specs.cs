using System.Net;
using CowHealth.Contracts;
using CowHealth.Gateway.Herd;
using CowHealth.Storage;
using CowHealth.Tests.Infrastructure;
using CowHealth.Tests.Simulator;
using CowHealth.Tests.Storage;

namespace CowHealth.Tests.Gateway;

/// <summary>GET /api/herd/summary: each farm at a glance.</summary>
[Collection(PostgresCollection.Name)]
public sealed class HerdSummary_Specs(ThrowawayPostgres postgres)
{
    private static readonly DateTimeOffset Now = new(2026, 5, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);
    private readonly StorageProviders _providers = new(postgres);
    private readonly SettableClock _clock = new(Now);

    [Theory]
    [MemberData(nameof(StorageProviders.Both), MemberType = typeof(StorageProviders))]
    public async Task Each_farm_shows_cows_by_health_open_alerts_by_condition_and_severity_the_last_hours_readings_and_offline_sensors(StorageProvider provider)
    {
        await using var db = await _providers.NewDatabase(provider, "herd_summary");
        await SeedTwoFarms(db);
        await using var gateway = await GatewayHost.StartAsync(db, _clock);

        var summary = await gateway.Get<HerdSummaryView>("/api/herd/summary");

        Assert.Equal(Now, summary.At);
        Assert.Equal(TimeSpan.FromHours(2), summary.SensorOfflineAfter);
        Assert.Equal(["F1", "F2"], summary.Farms.Select(f => f.FarmId));
        var (f1, f2) = (summary.Farms[0], summary.Farms[1]);

        Assert.Equal(4, f1.Cows);
        Assert.Equal(new CowsByHealthStateView(Healthy: 1, Watch: 1, Unwell: 1, Critical: 1), f1.CowsByHealthState);
        Assert.Equal(
            [new(HealthCondition.Fever, AlertSeverity.Warning, 1), new(HealthCondition.Fever, AlertSeverity.Critical, 1), new(HealthCondition.Heat, AlertSeverity.Info, 2)],
            f1.OpenAlerts);
        // f1-a and f1-b sent every 10 minutes (6 readings each within the hour), f1-c stopped 90 minutes ago.
        Assert.Equal(12, f1.ReadingsLastHour);
        Assert.Equal(["f1-d"], f1.OfflineCowIds);

        Assert.Equal(2, f2.Cows);
        Assert.Equal(new CowsByHealthStateView(Healthy: 1, Watch: 1, Unwell: 0, Critical: 0), f2.CowsByHealthState);
        Assert.Equal([new OpenAlertCountView(HealthCondition.SensorOffline, AlertSeverity.Info, 1)], f2.OpenAlerts);
        Assert.Equal(6, f2.ReadingsLastHour);
        Assert.Equal(["f2-b"], f2.OfflineCowIds);
    }

    [Fact]
    public async Task A_sensor_counts_as_offline_once_its_silence_passes_the_setting_on_the_gateways_clock()
    {
        await using var db = await _providers.NewDatabase(StorageProvider.Postgres, "herd_offline");
        await new StoredHerd(db, _clock).Store(
            StoredHerd.Reading("quiet", "F1", Now.AddMinutes(-30)), StoredHerd.Reading("chatty", "F1", Now));
        await using var gateway = await GatewayHost.StartAsync(db, _clock, new Dictionary<string, string> { ["Gateway:Herd:SensorOfflineAfter"] = "00:45:00" });

        var before = await gateway.Get<HerdSummaryView>("/api/herd/summary");
        _clock.Now = Now.AddMinutes(15).AddSeconds(1);
        var after = await gateway.Get<HerdSummaryView>("/api/herd/summary");
        _clock.Now = Now.AddHours(1).AddSeconds(1);
        var later = await gateway.Get<HerdSummaryView>("/api/herd/summary");

        Assert.Empty(before.Farms.Single().OfflineCowIds);
        Assert.Equal(["quiet"], after.Farms.Single().OfflineCowIds);
        Assert.Equal(["chatty", "quiet"], later.Farms.Single().OfflineCowIds);
        Assert.Equal([2, 2, 0], new[] { before, after, later }.Select(s => s.Farms.Single().ReadingsLastHour));
    }

    [Fact]
    public async Task The_summary_can_be_asked_for_one_farm_and_a_malformed_farm_id_is_a_400()
    {
        await using var db = await _providers.NewDatabase(StorageProvider.Postgres, "herd_one_farm");
        await SeedTwoFarms(db);
        await using var gateway = await GatewayHost.StartAsync(db, _clock);

        var f2 = await gateway.Get<HerdSummaryView>("/api/herd/summary?farmId=F2");
        var malformed = await gateway.Problem("/api/herd/summary?farmId=F%202", HttpStatusCode.BadRequest);

        Assert.Equal(["F2"], f2.Farms.Select(f => f.FarmId));
        Assert.Equal([new OpenAlertCountView(HealthCondition.SensorOffline, AlertSeverity.Info, 1)], f2.Farms[0].OpenAlerts);
        Assert.Contains("farmId", malformed.Errors!.Keys);
    }

    private async Task SeedTwoFarms(CowHealthDb db)
    {
        var herd = new StoredHerd(db, _clock);
        var lastThreeHours = Enumerable.Range(0, 18).Select(i => Now - (i * Interval)).ToList();
        await herd.Store([
            .. lastThreeHours.Select(t => StoredHerd.Reading("f1-a", "F1", t)),
            .. lastThreeHours.Select(t => StoredHerd.Reading("f1-b", "F1", t)),
            .. lastThreeHours.Where(t => t <= Now.AddMinutes(-90)).Select(t => StoredHerd.Reading("f1-c", "F1", t)),
            StoredHerd.Reading("f1-d", "F1", Now.AddHours(-3)),
            .. lastThreeHours.Select(t => StoredHerd.Reading("f2-a", "F2", t)),
            StoredHerd.Reading("f2-b", "F2", Now.AddHours(-2).AddMinutes(-1)),
        ]);

        // f1-a: critical fever and heat; f1-b: warning fever; f1-c: heat; f1-d: nothing open (its heat resolved).
        await herd.Raise("f1-a", "F1", HealthCondition.Fever, AlertSeverity.Critical, Now.AddHours(-1));
        await herd.Raise("f1-a", "F1", HealthCondition.Heat, AlertSeverity.Info, Now.AddHours(-2));
        await herd.Raise("f1-b", "F1", HealthCondition.Fever, AlertSeverity.Warning, Now.AddHours(-1));
        await herd.Raise("f1-c", "F1", HealthCondition.Heat, AlertSeverity.Info, Now.AddHours(-2));
        var resolved = await herd.Raise("f1-d", "F1", HealthCondition.Heat, AlertSeverity.Info, Now.AddDays(-2));
        await herd.Resolve(resolved, Now.AddDays(-1));
        await herd.Raise("f2-b", "F2", HealthCondition.SensorOffline, AlertSeverity.Info, Now);
    }
}
