using CowHealth.Contracts;
using CowHealth.Processor.Alerts;
using CowHealth.Processor.Ingestion;
using CowHealth.Storage;
using CowHealth.Storage.Alerts;

namespace CowHealth.Tests.Gateway;

/// <summary>
/// Seeds a database through the storage layer the way the Processor fills it: readings through its
/// bulk writer (which keeps each cow's latest reading), alerts and their history through its journal.
/// </summary>
internal sealed class StoredHerd(CowHealthDb db, TimeProvider clock)
{
    private readonly Dictionary<Guid, CowAlert> _alerts = [];

    public CowHealthDb Db => db;

    public static SensorReading Reading(
        string cowId, string farmId, DateTimeOffset at, double temperature = 38.9, double activity = 1.2,
        double rumination = 4.5, double? water = null, double? ph = null) =>
        new(Guid.NewGuid(), cowId, farmId, "S-" + cowId, at, temperature, activity, rumination, water, ph);

    /// <summary>A reading every <paramref name="interval"/> from <paramref name="from"/>, <paramref name="count"/> of them.</summary>
    public static IEnumerable<SensorReading> Series(string cowId, string farmId, DateTimeOffset from, TimeSpan interval, int count) =>
        Enumerable.Range(0, count).Select(i => Reading(cowId, farmId, from + (i * interval), temperature: 38.5 + (i % 10 * 0.1)));

    public async Task Store(IEnumerable<SensorReading> readings)
    {
        ReadingWriter writer = db is PostgresCowHealthDb ? new PostgresReadingWriter() : new SqliteReadingWriter();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await writer.Write(db, readings.ToList(), clock.GetUtcNow().UtcDateTime, readingsPartition: 0, CancellationToken.None);
        await transaction.CommitAsync();
    }

    public Task Store(params SensorReading[] readings) => Store((IEnumerable<SensorReading>)readings);

    public async Task<Guid> Raise(string cowId, string farmId, HealthCondition condition, AlertSeverity severity, DateTimeOffset at)
    {
        var raisedAt = at.UtcDateTime;
        var saga = new CowAlert
        {
            CorrelationId = CowAlertIdentity.SagaOf(cowId, condition),
            CowId = cowId,
            FarmId = farmId,
            Condition = condition,
            Severity = severity,
            RaisedAt = raisedAt,
            AlertId = CowAlertIdentity.AlertOf(cowId, condition, raisedAt),
        };
        var evidence = new AlertEvidence("RumenTemperatureCelsius", 40.1, 39.0, 0.8, at.AddHours(-1), at, $"{condition} on {cowId}.");
        await Journal(journal => journal.Raised(saga, evidence, CancellationToken.None));
        _alerts[saga.AlertId] = saga;
        return saga.AlertId;
    }

    public Task Escalate(Guid alertId, DateTimeOffset at)
    {
        var saga = _alerts[alertId];
        var previous = saga.Severity;
        saga.Severity = previous == AlertSeverity.Info ? AlertSeverity.Warning : AlertSeverity.Critical;
        return Journal(journal => journal.Escalated(saga, previous, at, CancellationToken.None));
    }

    public Task Acknowledge(Guid alertId, string by, string? note, DateTimeOffset at) =>
        Journal(journal => journal.Acknowledged(_alerts[alertId], new AcknowledgeAlert(alertId, _alerts[alertId].CowId, by, note, at), CancellationToken.None));

    public Task Resolve(Guid alertId, DateTimeOffset at) =>
        Journal(journal => journal.Resolved(_alerts[alertId], at, CancellationToken.None));

    public Task RejectAcknowledgement(Guid alertId, string by, string reason, DateTimeOffset at) =>
        Journal(journal => journal.Rejected(new AcknowledgeAlert(alertId, _alerts[alertId].CowId, by, null, at), _alerts[alertId].FarmId, reason,
            CancellationToken.None));

    private async Task Journal(Func<AlertJournal, Task> step)
    {
        await step(new AlertJournal(db, clock));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }
}
