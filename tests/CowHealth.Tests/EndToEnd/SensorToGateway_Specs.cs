using System.Net.Http.Json;
using CowHealth.Contracts;
using CowHealth.Simulator.Herd;
using CowHealth.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CowHealth.Tests.EndToEnd;

/// <summary>The thinnest path through the whole system: bolus to Kafka to PostgreSQL to REST.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SensorToGateway_Specs(ThrowawayPostgres postgres)
{
    private static readonly DateTimeOffset BackfillStart = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly HerdOptions Herd = new() { Farms = 2, CowsPerFarm = 3, Seed = 7 };
    private const double BackfillDays = 0.125; // three hours: 18 readings per cow

    [Fact]
    public async Task Readings_sent_by_the_simulator_come_out_of_the_gateway_with_their_values()
    {
        var database = await postgres.CreateDatabaseAsync(nameof(SensorToGateway_Specs));
        await using var run = await new LocalRunBuilder()
            .WithPostgres(database)
            .With("Herd:Farms", Herd.Farms.ToString())
            .With("Herd:CowsPerFarm", Herd.CowsPerFarm.ToString())
            .With("Herd:Seed", Herd.Seed.ToString())
            .With("Simulation:Mode", "Backfill")
            .With("Simulation:StartAt", BackfillStart.ToString("O"))
            .With("Simulation:BackfillDays", BackfillDays.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .StartAsync();
        using var gateway = new HttpClient { BaseAddress = run.GatewayUrl };

        var model = new HerdModel(Options.Create(Herd));
        var lastInterval = BackfillStart + TimeSpan.FromDays(BackfillDays) - model.SensorInterval;
        foreach (var cow in model.Cows)
        {
            var sent = model.ReadingOf(cow, lastInterval)
                ?? throw new InvalidOperationException($"Cow {cow.CowId}'s bolus is offline at {lastInterval:O} with seed {Herd.Seed}; pick a seed where it sends.");
            var served = await Eventually.Until(
                async () =>
                {
                    var response = await gateway.GetAsync($"/api/cows/{cow.CowId}");
                    if (!response.IsSuccessStatusCode)
                    {
                        return null;
                    }

                    var body = await response.Content.ReadFromJsonAsync<CowBody>();
                    return body?.LatestReading.MeasuredAt == lastInterval ? body : null;
                },
                TimeSpan.FromSeconds(60),
                $"cow {cow.CowId}'s reading of {lastInterval:O} to reach the Gateway");

            Assert.Equal(cow.FarmId, served.FarmId);
            Assert.Equal(cow.SensorId, served.SensorId);
            Assert.Equal(
                new ReadingBody(sent.ReadingId, sent.MeasuredAt, sent.RumenTemperatureCelsius, sent.ActivityIndex,
                    sent.RuminationMinutes, sent.WaterIntakeLitres, sent.RumenPh),
                served.LatestReading);
        }

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM readings", connection);
        // Every reading the herd sent, which leaves out any interval a bolus was offline.
        var sentCount = model.Cows.Sum(c => Enumerable.Range(0, 18).LongCount(n => model.ReadingOf(c, BackfillStart + (n * model.SensorInterval)) is not null));
        Assert.Equal(sentCount, (long)(await count.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task An_unknown_cow_is_a_404_problem()
    {
        await using var run = await new LocalRunBuilder()
            .WithPostgres(await postgres.CreateDatabaseAsync("unknown_cow"))
            .With("Simulation:Mode", "Backfill")
            .With("Simulation:BackfillDays", "0")
            .StartAsync();
        using var gateway = new HttpClient { BaseAddress = run.GatewayUrl };

        var response = await gateway.GetAsync("/api/cows/no-such-cow");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemBody>();
        Assert.Equal(404, problem?.Status);
        Assert.Contains("no-such-cow", problem?.Detail);
    }

    private sealed record CowBody(string CowId, string FarmId, string SensorId, ReadingBody LatestReading);

    private sealed record ReadingBody(
        Guid ReadingId, DateTimeOffset MeasuredAt, double RumenTemperatureCelsius, double ActivityIndex,
        double RuminationMinutes, double? WaterIntakeLitres, double? RumenPh);

    private sealed record ProblemBody(string Title, int Status, string Detail);
}
