using CowHealth.Contracts;
using CowHealth.Tests.Detection;
using CowHealth.Tests.Infrastructure;
using Npgsql;

namespace CowHealth.Tests.Processor;

/// <summary>
/// A bolus that falls silent while the readings of its partition move on is reported offline, at
/// the event time its silence passed the threshold, and resolved when it sends again.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SensorOfflineInThePipeline_Specs(ThrowawayPostgres postgres)
{
    [Fact]
    public async Task A_bolus_silent_for_longer_than_two_hours_is_raised_offline_then_resolved_by_its_next_reading()
    {
        var database = await postgres.CreateDatabaseAsync("offline_pipeline");
        await using var run = await new LocalRunBuilder()
            .WithPostgres(database)
            .With("Simulation:Mode", "Backfill")
            .With("Simulation:BackfillDays", "0")
            .With("LocalRun:ReadingsPartitions", "1") // both cows on one partition, whatever their keys hash to
            .StartAsync();
        var steady = new CowTimeline(cowId: "F01-C0001", seed: 1);
        var silent = new CowTimeline(cowId: "F01-C0002", seed: 2);
        var steadyReadings = steady.Healthy(TimeSpan.FromDays(2));
        var before = silent.Healthy(TimeSpan.FromDays(1));
        _ = silent.Healthy(TimeSpan.FromHours(5)); // the bolus is out of reach: these never arrive
        var after = silent.Healthy(TimeSpan.FromHours(19));
        // Boluses report in time order, the herd interleaved, as a base station forwards them.
        var readings = steadyReadings.Concat(before).Concat(after).OrderBy(r => r.MeasuredAt).ThenBy(r => r.CowId).ToList();

        ReadingsOnKafka.Produce(run.KafkaBootstrapServers, readings);

        var alerts = await Eventually.Until(async () => await OfflineAlerts(database) is { Count: > 0 } found && found.All(a => a.Status == "Resolved") ? found : null,
            TimeSpan.FromSeconds(90), "the silent bolus's offline alert raised and resolved");
        var alert = Assert.Single(alerts);
        Assert.Equal("F01-C0002", alert.CowId);
        Assert.Equal(before[^1].MeasuredAt.UtcDateTime.AddHours(2), alert.RaisedAt);
        Assert.Equal(after[0].MeasuredAt.UtcDateTime, alert.ResolvedAt);
    }

    private static async Task<List<(string CowId, string Status, DateTime RaisedAt, DateTime? ResolvedAt)>> OfflineAlerts(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT cow_id, status, raised_at, resolved_at FROM alerts WHERE condition = @condition ORDER BY cow_id", connection);
        command.Parameters.AddWithValue("condition", nameof(HealthCondition.SensorOffline));
        var alerts = new List<(string, string, DateTime, DateTime?)>();
        try
        {
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                alerts.Add((reader.GetString(0), reader.GetString(1), reader.GetDateTime(2), reader.IsDBNull(3) ? null : reader.GetDateTime(3)));
            }
        }
        catch (PostgresException)
        {
            return []; // the schema is not there yet
        }

        return alerts;
    }
}
