using System.Net.Http.Json;
using CowHealth.Contracts;
using CowHealth.LocalRun;
using CowHealth.Storage;
using CowHealth.Storage.Alerts;
using CowHealth.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CowHealth.Tests.Gateway;

/// <summary>
/// The whole system as the local run starts it (embedded broker, Processor, Gateway, an idle
/// Simulator) on a throwaway PostgreSQL database, with the Gateway settings a spec chooses, and
/// the means to arrange what a spec needs: alerts in storage, clients with or without a key.
/// </summary>
public sealed class GatewayUnderTest : IAsyncDisposable
{
    public const string FarmAppKey = "farm-app-key-0123456789abcdef";
    public const string VetAppKey = "vet-app-key-0123456789abcdef";

    private GatewayUnderTest(CowHealthLocalRun run, string database)
    {
        Run = run;
        Database = database;
    }

    public CowHealthLocalRun Run { get; }

    public string Database { get; }

    /// <summary>Starts with two clients' keys (farm-app, vet-app) unless <paramref name="withoutKeys"/>; <paramref name="settings"/> add to or override that.</summary>
    public static async Task<GatewayUnderTest> StartAsync(
        ThrowawayPostgres postgres, string purpose, bool withoutKeys = false, params (string Key, string Value)[] settings)
    {
        var database = await postgres.CreateDatabaseAsync(purpose);
        var builder = new LocalRunBuilder()
            .WithPostgres(database)
            .With("Simulation:Mode", "Backfill")
            .With("Simulation:BackfillDays", "0");
        if (!withoutKeys)
        {
            builder.With("Gateway:ApiKeys:farm-app", FarmAppKey).With("Gateway:ApiKeys:vet-app", VetAppKey);
        }

        foreach (var (key, value) in settings)
        {
            builder.With(key, value);
        }

        return new GatewayUnderTest(await builder.StartAsync(), database);
    }

    /// <summary>A client of the Gateway; with <paramref name="apiKey"/> it sends it in X-Api-Key.</summary>
    public HttpClient Client(string? apiKey = null)
    {
        var client = new HttpClient { BaseAddress = Run.GatewayUrl, Timeout = TimeSpan.FromSeconds(30) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }

    /// <summary>An alert as the Processor's journal would have stored it.</summary>
    public async Task<Alert> StoredAlertAsync(AlertStatus status, string cowId = "F01-C0007", string farmId = "F01")
    {
        var raisedAt = new DateTime(2026, 3, 2, 6, 0, 0, DateTimeKind.Utc);
        var alert = new Alert
        {
            AlertId = CowAlertIdentity.AlertOf(cowId, HealthCondition.Fever, raisedAt),
            CowId = cowId,
            FarmId = farmId,
            Condition = HealthCondition.Fever,
            Severity = AlertSeverity.Critical,
            Status = status,
            RaisedAt = raisedAt,
            UpdatedAt = raisedAt.AddHours(3),
            ResolvedAt = status == AlertStatus.Resolved ? raisedAt.AddHours(3) : null,
            EvidenceJson = "{}",
        };
        await using var db = new PostgresCowHealthDb(new DbContextOptionsBuilder<PostgresCowHealthDb>().UseCowHealthPostgres(Database).Options);
        db.Alerts.Add(alert);
        await db.SaveChangesAsync();
        return alert;
    }

    public static Task<HttpResponseMessage> Acknowledge(HttpClient client, Guid alertId, string acknowledgedBy = "Jo Vet", string? note = null) =>
        client.PostAsJsonAsync($"/api/alerts/{alertId}/acknowledge", new { acknowledgedBy, note });

    public ValueTask DisposeAsync() => Run.DisposeAsync();
}
