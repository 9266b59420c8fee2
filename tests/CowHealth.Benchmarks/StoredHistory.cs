using System.Diagnostics;
using System.Text.Json;
using CowHealth.Contracts;
using CowHealth.Simulator.Herd;
using CowHealth.Storage;
using CowHealth.Storage.Alerts;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CowHealth.Benchmarks;

/// <summary>
/// Fills a PostgreSQL database the way months of the Processor's work would: the herd's readings in
/// time order by binary COPY, each cow's latest-reading row, and a history of alerts with a few
/// still open.
/// </summary>
internal static class StoredHistory
{
    /// <summary>Every reading the herd sends in [<paramref name="from"/>, <paramref name="to"/>); returns how many.</summary>
    public static async Task<long> CopyReadings(string connectionString, HerdModel herd, DateTimeOffset from, DateTimeOffset to)
    {
        var latest = new Dictionary<string, SensorReading>(StringComparer.Ordinal);
        var firstSeen = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        long count = 0;
        var clock = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        for (var dayStart = from; dayStart < to; dayStart = dayStart.AddDays(1))
        {
            var dayEnd = dayStart.AddDays(1) < to ? dayStart.AddDays(1) : to;
            await using (var copy = await connection.BeginBinaryImportAsync(ReadingsCopy.Command))
            {
                for (var at = dayStart; at < dayEnd; at += herd.SensorInterval)
                {
                    foreach (var cow in herd.Cows)
                    {
                        if (herd.ReadingOf(cow, at) is not { } r)
                        {
                            continue;
                        }

                        await ReadingsCopy.WriteRow(copy, r, r.MeasuredAt.UtcDateTime.AddSeconds(1));
                        latest[r.CowId] = r;
                        firstSeen.TryAdd(r.CowId, r.MeasuredAt);
                        count++;
                    }
                }

                await copy.CompleteAsync();
            }

            Console.Write($"\rreadings stored: {count:N0} ({count / clock.Elapsed.TotalSeconds:N0}/s)   ");
        }

        Console.WriteLine();
        await using var db = Context(connectionString);
        db.Cows.AddRange(latest.Values.Select(r => new Cow
        {
            CowId = r.CowId,
            FarmId = r.FarmId,
            SensorId = r.SensorId,
            FirstSeenAt = firstSeen[r.CowId].UtcDateTime,
            LatestReadingId = r.ReadingId,
            LatestMeasuredAt = r.MeasuredAt.UtcDateTime,
            LatestRumenTemperatureCelsius = r.RumenTemperatureCelsius,
            LatestActivityIndex = r.ActivityIndex,
            LatestRuminationMinutes = r.RuminationMinutes,
            LatestWaterIntakeLitres = r.WaterIntakeLitres,
            LatestRumenPh = r.RumenPh,
        }));
        await db.SaveChangesAsync();
        return count;
    }

    /// <summary>
    /// About one resolved alert per cow per week of history, each with its raised and resolved events,
    /// and open alerts (raised, escalated, acknowledged; every severity) on about one cow in ten.
    /// Returns (all alerts, open alerts).
    /// </summary>
    public static async Task<(int All, int Open)> Alerts(string connectionString, HerdModel herd, DateTimeOffset from, DateTimeOffset to)
    {
        var conditions = Enum.GetValues<HealthCondition>();
        var random = new Random(11);
        var (all, open) = (0, 0);
        foreach (var farm in herd.Cows.Chunk(100))
        {
            await using var db = Context(connectionString);
            foreach (var cow in farm)
            {
                for (var raisedAt = from.AddDays(random.NextDouble() * 7); raisedAt < to.AddDays(-2); raisedAt = raisedAt.AddDays(5 + (random.NextDouble() * 4)))
                {
                    Add(db, cow, conditions[random.Next(conditions.Length)], AlertSeverity.Warning, AlertStatus.Resolved, raisedAt, raisedAt.AddHours(8));
                    all++;
                }

                if (random.Next(10) == 0)
                {
                    var severity = (AlertSeverity)random.Next(3);
                    var status = (AlertStatus)random.Next(3);
                    Add(db, cow, conditions[random.Next(conditions.Length)], severity, status, to.AddHours(-random.Next(1, 30)), null);
                    (all, open) = (all + 1, open + 1);
                }
            }

            await db.SaveChangesAsync();
        }

        return (all, open);
    }

    private static void Add(
        CowHealthDb db, SimulatedCow cow, HealthCondition condition, AlertSeverity severity, AlertStatus status, DateTimeOffset raisedAt, DateTimeOffset? resolvedAt)
    {
        var at = raisedAt.UtcDateTime;
        var alertId = CowAlertIdentity.AlertOf(cow.CowId, condition, at);
        var evidence = new AlertEvidence("RumenTemperatureCelsius", 40.1, 39.0, 0.8, raisedAt.AddHours(-1), raisedAt, $"{condition} on {cow.CowId}.");
        db.Alerts.Add(new Alert
        {
            AlertId = alertId,
            CowId = cow.CowId,
            FarmId = cow.FarmId,
            Condition = condition,
            Severity = severity,
            Status = status,
            RaisedAt = at,
            UpdatedAt = resolvedAt?.UtcDateTime ?? at,
            ResolvedAt = resolvedAt?.UtcDateTime,
            EvidenceJson = JsonSerializer.Serialize(evidence, CowHealthJson.Default.AlertEvidence),
        });
        Event(db, alertId, cow, nameof(AlertRaised), raisedAt,
            JsonSerializer.Serialize(new AlertRaised(alertId, cow.CowId, cow.FarmId, condition, severity, raisedAt, evidence), CowHealthJson.Default.AlertRaised));
        if (resolvedAt is { } resolved)
        {
            Event(db, alertId, cow, nameof(AlertResolved), resolved,
                JsonSerializer.Serialize(new AlertResolved(alertId, cow.CowId, cow.FarmId, condition, severity, resolved), CowHealthJson.Default.AlertResolved));
        }
    }

    private static void Event(CowHealthDb db, Guid alertId, SimulatedCow cow, string type, DateTimeOffset at, string payload) =>
        db.AlertEvents.Add(new AlertEvent
        {
            EventId = CowAlertIdentity.EventOf(alertId, type, at.UtcDateTime),
            AlertId = alertId,
            CowId = cow.CowId,
            FarmId = cow.FarmId,
            EventType = type,
            OccurredAt = at.UtcDateTime,
            PayloadJson = payload,
            RecordedAt = at.UtcDateTime,
            PublishedAt = at.UtcDateTime,
        });

    public static PostgresCowHealthDb Context(string connectionString) =>
        new(new DbContextOptionsBuilder<PostgresCowHealthDb>().UseCowHealthPostgres(connectionString).Options);
}
