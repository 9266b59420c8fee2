using System.Globalization;
using CowHealth.EmbeddedKafka;
using CowHealth.Tests.Infrastructure;
using Npgsql;

namespace CowHealth.Tests.EndToEnd;

/// <summary>The README's switch of the local run from its own broker and SQLite file to a Kafka and a PostgreSQL it is given.</summary>
[Collection(PostgresCollection.Name)]
public sealed class LocalRunSettings_Specs(ThrowawayPostgres postgres)
{
    [Fact]
    public async Task Given_a_Kafka_and_PostgreSQL_the_local_run_starts_no_broker_and_stores_there()
    {
        // Another process's Kafka, as far as the local run can tell: it only gets the address.
        await using var kafka = await EmbeddedKafkaBroker.StartAsync(new EmbeddedKafkaOptions { GroupInitialRebalanceDelay = TimeSpan.Zero });
        var database = await postgres.CreateDatabaseAsync(nameof(LocalRunSettings_Specs));
        await using var run = await new LocalRunBuilder()
            .With("Kafka:BootstrapServers", kafka.BootstrapServers)
            .With("Storage:Provider", "Postgres")
            .With("Storage:ConnectionString", database)
            .With("Herd:CowsPerFarm", "2")
            .With("Simulation:Mode", "Backfill")
            .With("Simulation:StartAt", "2026-03-01T00:00:00Z")
            .With("Simulation:BackfillDays", (1.0 / 24).ToString(CultureInfo.InvariantCulture))
            .StartAsync();

        Assert.Null(run.EmbeddedBroker);
        Assert.Equal(kafka.BootstrapServers, run.KafkaBootstrapServers);
        using var gateway = new HttpClient { BaseAddress = run.GatewayUrl };
        await Eventually.Until(
            async () => (await gateway.GetAsync("/api/cows/F01-C0002")).IsSuccessStatusCode ? "served" : null,
            TimeSpan.FromSeconds(60), "a cow's readings to come through the given Kafka into the Gateway");
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM readings", connection);
        Assert.True((long)(await count.ExecuteScalarAsync())! > 0, "readings are stored in the given PostgreSQL");
    }
}
