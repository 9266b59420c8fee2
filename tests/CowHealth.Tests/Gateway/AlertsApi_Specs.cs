using System.Net;
using CowHealth.Contracts;
using CowHealth.Gateway.Alerts;
using CowHealth.Gateway.Querying;
using CowHealth.Storage;
using CowHealth.Storage.Alerts;
using CowHealth.Tests.Infrastructure;
using CowHealth.Tests.Simulator;
using CowHealth.Tests.Storage;

namespace CowHealth.Tests.Gateway;

/// <summary>GET /api/alerts and GET /api/alerts/{alertId}: looking through alerts, and one alert's life.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AlertsApi_Specs(ThrowawayPostgres postgres)
{
    private static readonly DateTimeOffset Now = new(2026, 5, 10, 12, 0, 0, TimeSpan.Zero);
    private readonly StorageProviders _providers = new(postgres);
    private readonly SettableClock _clock = new(Now);

    public static TheoryData<StorageProvider, string, string[]> Filters => new()
    {
        { StorageProvider.Postgres, "", ["fever-A1", "calving-B2", "drop-C3", "heat-A1", "offline-C3"] },
        { StorageProvider.Postgres, "status=Raised", ["fever-A1"] },
        { StorageProvider.Postgres, "status=Raised&status=Escalated&status=Acknowledged", ["fever-A1", "calving-B2", "drop-C3"] },
        { StorageProvider.Postgres, "status=escalated,acknowledged", ["calving-B2", "drop-C3"] },
        { StorageProvider.Postgres, "condition=Heat&condition=SensorOffline", ["heat-A1", "offline-C3"] },
        { StorageProvider.Postgres, "severity=Critical", ["drop-C3"] },
        { StorageProvider.Postgres, "severity=Info", ["heat-A1", "offline-C3"] },
        { StorageProvider.Postgres, "farmId=F2", ["drop-C3", "offline-C3"] },
        { StorageProvider.Postgres, "cowId=A1", ["fever-A1", "heat-A1"] },
        { StorageProvider.Postgres, "from=2026-05-09T00:00:00Z", ["fever-A1", "calving-B2", "drop-C3"] },
        { StorageProvider.Postgres, "to=2026-05-09T00:00:00Z", ["heat-A1", "offline-C3"] },
        { StorageProvider.Postgres, "from=2026-05-09T00:00:00Z&to=2026-05-10T06:00:00Z", ["calving-B2", "drop-C3"] },
        { StorageProvider.Postgres, "farmId=F1&status=Resolved&condition=Heat", ["heat-A1"] },
        { StorageProvider.Postgres, "cowId=B2&severity=Info", [] },
        { StorageProvider.Sqlite, "status=escalated,acknowledged", ["calving-B2", "drop-C3"] },
        { StorageProvider.Sqlite, "condition=Heat&condition=SensorOffline&severity=Info", ["heat-A1", "offline-C3"] },
        { StorageProvider.Sqlite, "farmId=F1&from=2026-05-09T00:00:00Z&to=2026-05-10T06:00:00Z", ["calving-B2"] },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Each_filter_narrows_the_list_which_keeps_the_newest_raised_first(StorageProvider provider, string query, string[] expected)
    {
        await using var db = await _providers.NewDatabase(provider, "alerts_filter");
        var alerts = await SeedFiveAlerts(db);
        await using var gateway = await GatewayHost.StartAsync(db, _clock);

        var page = await gateway.Get<Page<AlertView>>("/api/alerts?" + query);

        Assert.Equal(expected, page.Items.Select(a => alerts[a.AlertId]));
    }

    [Theory]
    [MemberData(nameof(StorageProviders.Both), MemberType = typeof(StorageProviders))]
    public async Task An_alert_in_the_list_shows_its_status_times_acknowledgement_and_evidence(StorageProvider provider)
    {
        await using var db = await _providers.NewDatabase(provider, "alerts_list");
        var alerts = await SeedFiveAlerts(db);
        await using var gateway = await GatewayHost.StartAsync(db, _clock);

        var page = await gateway.Get<Page<AlertView>>("/api/alerts?cowId=B2");

        var calving = Assert.Single(page.Items);
        Assert.Equal("calving-B2", alerts[calving.AlertId]);
        Assert.Equal((HealthCondition.Calving, AlertSeverity.Warning, AlertStatus.Acknowledged), (calving.Condition, calving.Severity, calving.Status));
        Assert.Equal(Now.AddHours(-12), calving.RaisedAt);
        Assert.Equal(Now.AddHours(-11), calving.AcknowledgedAt);
        Assert.Equal(("Ben", "Calving pen ready."), (calving.AcknowledgedBy, calving.AcknowledgementNote));
        Assert.Null(calving.ResolvedAt);
        Assert.Equal("Calving on B2.", calving.Evidence?.Summary);
    }

    [Fact]
    public async Task Walking_the_pages_lists_every_alert_once_while_new_alerts_are_raised()
    {
        await using var db = await _providers.NewDatabase(StorageProvider.Postgres, "alerts_pages");
        var herd = new StoredHerd(db, _clock);
        var conditions = Enum.GetValues<HealthCondition>();
        var before = new List<Guid>();
        for (var i = 0; i < 13; i++)
        {
            // Alerts share raised-at times and cows, so pages end inside ties that only cow and condition order.
            before.Add(await herd.Raise($"cow-{i % 2}", i % 2 == 0 ? "F1" : "F2", conditions[i % conditions.Length], AlertSeverity.Warning, Now.AddHours(-(i / 3))));
        }

        await using var gateway = await GatewayHost.StartAsync(db, _clock);
        var listed = new List<Guid>();
        var page = await gateway.Get<Page<AlertView>>("/api/alerts?limit=4");
        listed.AddRange(page.Items.Select(a => a.AlertId));
        var raisedMeanwhile = 0;
        while (page.NextCursor is not null)
        {
            // The Processor raises a newer alert between every two pages.
            await herd.Raise($"new-{raisedMeanwhile++}", "F1", HealthCondition.Fever, AlertSeverity.Critical, Now.AddMinutes(raisedMeanwhile));
            page = await gateway.Get<Page<AlertView>>("/api/alerts?limit=4&cursor=" + page.NextCursor);
            listed.AddRange(page.Items.Select(a => a.AlertId));
        }

        Assert.Equal(13, listed.Count);
        Assert.Equal(before.ToHashSet(), listed.ToHashSet());
        Assert.True(raisedMeanwhile >= 3);
    }

    [Theory]
    [MemberData(nameof(StorageProviders.Both), MemberType = typeof(StorageProviders))]
    public async Task An_alert_comes_with_every_step_of_its_life_in_the_order_they_happened(StorageProvider provider)
    {
        await using var db = await _providers.NewDatabase(provider, "alert_detail");
        var herd = new StoredHerd(db, _clock);
        var fever = await herd.Raise("A1", "F1", HealthCondition.Fever, AlertSeverity.Warning, Now.AddHours(-10));
        await herd.Escalate(fever, Now.AddHours(-4));
        await herd.Acknowledge(fever, "Vet Jansen", "Antibiotics given.", Now.AddHours(-3));
        await herd.Resolve(fever, Now.AddHours(-1));
        await herd.RejectAcknowledgement(fever, "Anna", "The alert is already resolved.", Now.AddMinutes(-30));
        await using var gateway = await GatewayHost.StartAsync(db, _clock);

        var detail = await gateway.Get<AlertDetailView>($"/api/alerts/{fever}");

        Assert.Equal((fever, AlertStatus.Resolved, AlertSeverity.Critical), (detail.Alert.AlertId, detail.Alert.Status, detail.Alert.Severity));
        Assert.Equal(Now.AddHours(-1), detail.Alert.ResolvedAt);
        Assert.Equal(
            [nameof(AlertRaised), nameof(AlertEscalated), nameof(AlertAcknowledged), nameof(AlertResolved), nameof(AcknowledgementRejected)],
            detail.History.Select(h => h.EventType));
        Assert.Equal([Now.AddHours(-10), Now.AddHours(-4), Now.AddHours(-3), Now.AddHours(-1), Now.AddMinutes(-30)], detail.History.Select(h => h.OccurredAt));
        Assert.Equal("Fever on A1.", detail.History[0].Evidence?.Summary);
        Assert.Equal((AlertSeverity.Critical, AlertSeverity.Warning), (detail.History[1].Severity, detail.History[1].PreviousSeverity));
        Assert.Equal(("Vet Jansen", "Antibiotics given."), (detail.History[2].Person, detail.History[2].Note));
        Assert.Equal(("Anna", "The alert is already resolved."), (detail.History[4].Person, detail.History[4].Reason));
    }

    [Fact]
    public async Task An_unknown_alert_is_a_404_problem_and_a_malformed_id_a_400_naming_alertId()
    {
        await using var db = await _providers.NewDatabase(StorageProvider.Postgres, "alert_unknown");
        await using var gateway = await GatewayHost.StartAsync(db, _clock);
        var unknown = Guid.NewGuid();

        var notFound = await gateway.Problem($"/api/alerts/{unknown}", HttpStatusCode.NotFound);
        var malformed = await gateway.Problem("/api/alerts/not-a-uuid", HttpStatusCode.BadRequest);

        Assert.Contains(unknown.ToString(), notFound.Detail);
        Assert.Contains("alertId", malformed.Errors!.Keys);
    }

    /// <summary>Five alerts on three cows in two farms, in every status; returns a name for each id.</summary>
    private async Task<Dictionary<Guid, string>> SeedFiveAlerts(CowHealthDb db)
    {
        var herd = new StoredHerd(db, _clock);
        var fever = await herd.Raise("A1", "F1", HealthCondition.Fever, AlertSeverity.Warning, Now.AddHours(-2));
        var calving = await herd.Raise("B2", "F1", HealthCondition.Calving, AlertSeverity.Warning, Now.AddHours(-12));
        await herd.Acknowledge(calving, "Ben", "Calving pen ready.", Now.AddHours(-11));
        var drop = await herd.Raise("C3", "F2", HealthCondition.TemperatureDrop, AlertSeverity.Warning, Now.AddHours(-20));
        await herd.Escalate(drop, Now.AddHours(-14));
        var heat = await herd.Raise("A1", "F1", HealthCondition.Heat, AlertSeverity.Info, Now.AddDays(-3));
        await herd.Resolve(heat, Now.AddDays(-2));
        var offline = await herd.Raise("C3", "F2", HealthCondition.SensorOffline, AlertSeverity.Info, Now.AddDays(-4));
        await herd.Resolve(offline, Now.AddDays(-4).AddHours(3));
        return new()
        {
            [fever] = "fever-A1", [calving] = "calving-B2", [drop] = "drop-C3", [heat] = "heat-A1", [offline] = "offline-C3",
        };
    }
}
