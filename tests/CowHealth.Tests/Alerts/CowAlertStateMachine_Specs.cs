using CowHealth.Contracts;
using CowHealth.Processor.Alerts;
using CowHealth.Storage;
using CowHealth.Storage.Alerts;
using CowHealth.Storage.Sagas;
using CowHealth.Tests.Infrastructure;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CowHealth.Tests.Alerts;

/// <summary>
/// Every transition of the per-cow alert saga, through MassTransit's test harness, with the saga
/// kept by our EF Core repository in a real database (PostgreSQL and SQLite, below). What a farmer
/// would see is asserted: the alert's status and the lifecycle events waiting in the outbox.
/// </summary>
public abstract class CowAlertStateMachine_Specs(StorageProvider provider, ThrowawayPostgres? postgres = null) : IAsyncLifetime
{
    private static readonly DateTimeOffset Noon = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly AlertEvidence Evidence =
        new("RumenTemperatureCelsius", 40.4, 39.1, 0.8, Noon.AddHours(-2), Noon, "1.3 °C above her normal for 2 hours");

    private ServiceProvider _services = null!;
    private ITestHarness _harness = null!;

    public async Task InitializeAsync()
    {
        var services = new ServiceCollection();
        if (provider == StorageProvider.Postgres)
        {
            var connectionString = await postgres!.CreateDatabaseAsync("alert_saga");
            services.AddDbContext<CowHealthDb, PostgresCowHealthDb>(db => db.UseCowHealthPostgres(connectionString));
        }
        else
        {
            var file = Path.Combine(Path.GetTempPath(), $"cowhealth-saga-{Guid.NewGuid():N}.db");
            services.AddDbContext<CowHealthDb, SqliteCowHealthDb>(db => db.UseCowHealthSqlite($"Data Source={file}"));
        }

        _services = services
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddOptions()
            .AddMassTransitTestHarness(bus => bus.AddSagaStateMachine<CowAlertStateMachine, CowAlert>().EfCoreRepository())
            .BuildServiceProvider(validateScopes: true);
        await using (var scope = _services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CowHealthDb>().Database.MigrateAsync();
        }

        _harness = _services.GetRequiredService<ITestHarness>();
        await _harness.Start();
    }

    public async Task DisposeAsync()
    {
        await _harness.Stop();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task A_detected_condition_raises_an_alert_with_its_evidence()
    {
        await Handle(Detected("cow-1", HealthCondition.Fever, Noon, AlertSeverity.Warning));

        var alert = await SingleAlert("cow-1");
        Assert.Equal(AlertStatus.Raised, alert.Status);
        Assert.Equal(AlertSeverity.Warning, alert.Severity);
        Assert.Equal(Noon.UtcDateTime, alert.RaisedAt);
        Assert.Equal(Evidence, System.Text.Json.JsonSerializer.Deserialize(alert.EvidenceJson, CowHealthJson.Default.AlertEvidence));
        Assert.Equal(["AlertRaised"], await Events(alert.AlertId));
    }

    [Fact]
    public async Task An_unacknowledged_alert_escalates_once_event_time_passes_its_deadline()
    {
        var saga = CowAlertIdentity.SagaOf("cow-1", HealthCondition.Fever);
        await Handle(Detected("cow-1", HealthCondition.Fever, Noon, AlertSeverity.Warning));

        await Handle(new EscalationDue(saga, Noon.AddHours(5)));
        Assert.Equal(AlertStatus.Raised, (await SingleAlert("cow-1")).Status);

        await Handle(new EscalationDue(saga, Noon.AddHours(6)));
        await Handle(new EscalationDue(saga, Noon.AddHours(9)));

        var alert = await SingleAlert("cow-1");
        Assert.Equal(AlertStatus.Escalated, alert.Status);
        Assert.Equal(AlertSeverity.Critical, alert.Severity);
        Assert.Equal(["AlertRaised", "AlertEscalated"], await Events(alert.AlertId));
    }

    [Fact]
    public async Task An_acknowledged_alert_records_who_took_it_on_and_no_longer_escalates()
    {
        var saga = CowAlertIdentity.SagaOf("cow-1", HealthCondition.Fever);
        await Handle(Detected("cow-1", HealthCondition.Fever, Noon, AlertSeverity.Warning));
        var alertId = (await SingleAlert("cow-1")).AlertId;

        await Handle(new AcknowledgeAlert(alertId, "cow-1", "Dr. Jansen", "treating for mastitis", Noon.AddHours(1)));
        await Handle(new EscalationDue(saga, Noon.AddHours(7)));

        var alert = await SingleAlert("cow-1");
        Assert.Equal(AlertStatus.Acknowledged, alert.Status);
        Assert.Equal("Dr. Jansen", alert.AcknowledgedBy);
        Assert.Equal("treating for mastitis", alert.AcknowledgementNote);
        Assert.Equal(["AlertRaised", "AlertAcknowledged"], await Events(alertId));
    }

    [Fact]
    public async Task A_cleared_condition_resolves_the_alert()
    {
        await Handle(Detected("cow-1", HealthCondition.Fever, Noon, AlertSeverity.Warning));

        await Handle(Cleared("cow-1", HealthCondition.Fever, Noon.AddHours(20)));

        var alert = await SingleAlert("cow-1");
        Assert.Equal(AlertStatus.Resolved, alert.Status);
        Assert.Equal(Noon.AddHours(20).UtcDateTime, alert.ResolvedAt);
        Assert.Equal(["AlertRaised", "AlertResolved"], await Events(alert.AlertId));
    }

    [Fact]
    public async Task A_condition_back_within_the_cool_down_reopens_the_same_alert()
    {
        await Handle(Detected("cow-1", HealthCondition.Fever, Noon, AlertSeverity.Warning));
        await Handle(Cleared("cow-1", HealthCondition.Fever, Noon.AddHours(20)));

        await Handle(Detected("cow-1", HealthCondition.Fever, Noon.AddHours(26), AlertSeverity.Critical));

        var alert = await SingleAlert("cow-1");
        Assert.Equal(AlertStatus.Raised, alert.Status);
        Assert.Equal(AlertSeverity.Critical, alert.Severity);
        Assert.Equal(1, alert.ReopenCount);
        Assert.Equal(["AlertRaised", "AlertResolved", "AlertReopened"], await Events(alert.AlertId));
    }

    [Fact]
    public async Task A_condition_back_after_the_cool_down_raises_a_new_alert()
    {
        await Handle(Detected("cow-1", HealthCondition.Fever, Noon, AlertSeverity.Warning));
        await Handle(Cleared("cow-1", HealthCondition.Fever, Noon.AddHours(20)));

        await Handle(Detected("cow-1", HealthCondition.Fever, Noon.AddDays(3), AlertSeverity.Warning));

        var alerts = await Alerts("cow-1");
        Assert.Equal(2, alerts.Count);
        Assert.Equal([AlertStatus.Resolved, AlertStatus.Raised], alerts.Select(a => a.Status));
        Assert.Equal(["AlertRaised"], await Events(alerts[1].AlertId));
    }

    [Fact]
    public async Task A_cow_can_have_alerts_for_different_conditions_at_once()
    {
        await Handle(Detected("cow-1", HealthCondition.Fever, Noon, AlertSeverity.Warning));
        await Handle(Detected("cow-1", HealthCondition.RuminationDrop, Noon.AddMinutes(10), AlertSeverity.Info));

        var alerts = await Alerts("cow-1");
        Assert.Equal([HealthCondition.Fever, HealthCondition.RuminationDrop], alerts.Select(a => a.Condition));
        Assert.All(alerts, a => Assert.Equal(AlertStatus.Raised, a.Status));
    }

    [Fact]
    public async Task Acknowledging_a_resolved_alert_is_answered_with_a_rejection()
    {
        await Handle(Detected("cow-1", HealthCondition.Fever, Noon, AlertSeverity.Warning));
        await Handle(Cleared("cow-1", HealthCondition.Fever, Noon.AddHours(20)));
        var alertId = (await SingleAlert("cow-1")).AlertId;

        await Handle(new AcknowledgeAlert(alertId, "cow-1", "Anna", null, Noon.AddHours(21)));

        Assert.Equal(AlertStatus.Resolved, (await SingleAlert("cow-1")).Status);
        Assert.Equal(["AlertRaised", "AlertResolved", "AcknowledgementRejected"], await Events(alertId));
        Assert.Contains("already resolved", await Payload(alertId, "AcknowledgementRejected"));
    }

    [Fact]
    public async Task Acknowledging_an_unknown_alert_is_answered_with_a_rejection()
    {
        var unknown = Guid.NewGuid();

        await Handle(new AcknowledgeAlert(unknown, "cow-9", "Anna", null, Noon));

        Assert.Equal(["AcknowledgementRejected"], await Events(unknown));
        Assert.Contains("No alert with this id", await Payload(unknown, "AcknowledgementRejected"));
    }

    [Fact]
    public async Task An_acknowledgement_delivered_again_and_again_is_answered_once_whatever_the_alert_did_since()
    {
        await Handle(Detected("cow-1", HealthCondition.Fever, Noon, AlertSeverity.Warning));
        var alertId = (await SingleAlert("cow-1")).AlertId;
        var acknowledgement = new AcknowledgeAlert(alertId, "cow-1", "Anna", "on it", Noon.AddHours(1)) { AcknowledgementId = Guid.NewGuid() };
        await Handle(acknowledgement);
        await Handle(Cleared("cow-1", HealthCondition.Fever, Noon.AddHours(5)));
        await Handle(Detected("cow-1", HealthCondition.Fever, Noon.AddHours(6), AlertSeverity.Warning));

        // Kafka delivers at least once: after a crash the same command comes again, to an alert that has moved on.
        await Handle(acknowledgement, deliveries: 3);

        var alert = await SingleAlert("cow-1");
        Assert.Equal(AlertStatus.Raised, alert.Status);
        Assert.Equal(["AlertRaised", "AlertAcknowledged", "AlertResolved", "AlertReopened"], await Events(alertId));
    }

    [Fact]
    public async Task A_rejected_acknowledgement_delivered_again_is_rejected_once()
    {
        await Handle(Detected("cow-1", HealthCondition.Fever, Noon, AlertSeverity.Warning));
        await Handle(Cleared("cow-1", HealthCondition.Fever, Noon.AddHours(20)));
        var alertId = (await SingleAlert("cow-1")).AlertId;
        var unknown = Guid.NewGuid();

        await Handle(new AcknowledgeAlert(alertId, "cow-1", "Anna", null, Noon.AddHours(21)) { AcknowledgementId = Guid.NewGuid() }, deliveries: 3);
        await Handle(new AcknowledgeAlert(unknown, "cow-9", "Anna", null, Noon) { AcknowledgementId = Guid.NewGuid() }, deliveries: 3);

        Assert.Equal(["AlertRaised", "AlertResolved", "AcknowledgementRejected"], await Events(alertId));
        Assert.Equal(["AcknowledgementRejected"], await Events(unknown));
    }

    private static ConditionDetected Detected(string cow, HealthCondition condition, DateTimeOffset at, AlertSeverity severity) =>
        new(CowAlertIdentity.SagaOf(cow, condition), cow, "F01", condition, severity, at, Evidence);

    private static ConditionCleared Cleared(string cow, HealthCondition condition, DateTimeOffset at) =>
        new(CowAlertIdentity.SagaOf(cow, condition), cow, condition, at);

    /// <summary>
    /// Sends a message to the saga and waits until the harness saw it consumed, failing on a fault;
    /// with <paramref name="deliveries"/>, delivers it again after each, as Kafka redelivers: in order.
    /// </summary>
    private async Task Handle<T>(T message, int deliveries = 1)
        where T : class
    {
        for (var delivery = 0; delivery < deliveries; delivery++)
        {
            var before = _harness.Consumed.Select<T>(x => Equals(x.Context.Message, message)).Count();
            await _harness.Bus.Publish(message);
            // The harness's async Any() may answer "no" at once while it still counts the bus idle from the
            // previous message, so wait on the consumed list itself.
            var consumed = await Eventually.Until(
                () => Task.FromResult(_harness.Consumed.Select<T>(x => Equals(x.Context.Message, message)).Skip(before).FirstOrDefault()),
                TimeSpan.FromSeconds(30),
                $"the saga to consume {typeof(T).Name}");
            Assert.Null(consumed.Exception);
        }
    }

    private async Task<List<Alert>> Alerts(string cowId)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CowHealthDb>().Alerts.AsNoTracking()
            .Where(a => a.CowId == cowId).OrderBy(a => a.RaisedAt).ToListAsync();
    }

    private async Task<Alert> SingleAlert(string cowId) => Assert.Single(await Alerts(cowId));

    private async Task<List<string>> Events(Guid alertId)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CowHealthDb>().AlertEvents.AsNoTracking()
            .Where(e => e.AlertId == alertId).OrderBy(e => e.Position).Select(e => e.EventType).ToListAsync();
    }

    private async Task<string> Payload(Guid alertId, string eventType)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CowHealthDb>().AlertEvents.AsNoTracking()
            .Where(e => e.AlertId == alertId && e.EventType == eventType).Select(e => e.PayloadJson).SingleAsync();
    }
}

/// <summary>The specs above on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CowAlertStateMachine_on_PostgreSQL(ThrowawayPostgres postgres) : CowAlertStateMachine_Specs(StorageProvider.Postgres, postgres);

/// <summary>The specs above on SQLite, the local run's store.</summary>
public sealed class CowAlertStateMachine_on_SQLite() : CowAlertStateMachine_Specs(StorageProvider.Sqlite);
