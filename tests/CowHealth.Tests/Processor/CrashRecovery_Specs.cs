using CowHealth.Contracts;
using CowHealth.EmbeddedKafka;
using CowHealth.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace CowHealth.Tests.Processor;

/// <summary>
/// No loss and no duplicates across crashes: the same readings processed once without interruption
/// and once by a Processor killed (SIGKILL) ten times mid-stream end in the same readings, the same
/// alerts and the same alert events, in the database and on <c>cow-health-alerts</c>. The kills are
/// aimed at open batch transactions, and the spec counts how many the database saw rolled back.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CrashRecovery_Specs(ThrowawayPostgres postgres, ITestOutputHelper output)
{
    private const int Kills = 10;

    /// <summary>Names the Processor's connections, so the spec can tell them from its own in pg_stat_activity.</summary>
    private const string ProcessorConnections = "processor-under-test";

    [Fact]
    public async Task A_processor_killed_ten_times_mid_transaction_ends_where_an_uninterrupted_one_does()
    {
        var readings = ReferenceHerd.Readings();

        var (calm, _) = await Run(readings, kills: 0);
        var (crashed, killedMidTransaction) = await Run(readings, kills: Kills);

        Assert.Equal(readings.Count, calm.Readings);
        Assert.True(calm.Alerts.Count(a => a.Contains(" Fever ")) >= 4, $"the herd's fevers raised alerts ({calm.Alerts.Count})");
        Assert.Equal(3, calm.Alerts.Count(a => a.Contains($" {HealthCondition.SensorOffline} ")));
        crashed.AssertSameAs(calm);
        output.WriteLine($"{killedMidTransaction} of {Kills} kills landed inside a batch transaction; {crashed.PublishedDuplicates} alert events were published twice and de-duplicated by id");
        Assert.True(killedMidTransaction > Kills / 2, $"most kills landed while a batch transaction was open ({killedMidTransaction} of {Kills})");
    }

    private async Task<(PipelineOutcome Outcome, int KilledMidTransaction)> Run(List<SensorReading> readings, int kills)
    {
        var database = new NpgsqlConnectionStringBuilder(await postgres.CreateDatabaseAsync($"crash_{kills}"))
        {
            ApplicationName = ProcessorConnections,
        }.ConnectionString;
        await using var broker = await EmbeddedKafkaBroker.StartAsync(new EmbeddedKafkaOptions { GroupInitialRebalanceDelay = TimeSpan.Zero });
        // The readings arrive the way boluses send them, a slice at a time, while the Processor runs
        // and dies, so every crash comes with readings still to come.
        var slices = readings.Chunk((readings.Count / (kills + 1)) + 1).ToList();
        var killedMidTransaction = 0;
        for (var kill = 0; kill < kills; kill++)
        {
            using var processor = ProcessorProcess.Start(broker.BootstrapServers, database);
            ReadingsOnKafka.Produce(broker.BootstrapServers, slices[kill]);
            // Counted before the wait, so that nothing stands between seeing the transaction open and the kill.
            var rolledBackBefore = await RolledBack(database);
            await Eventually.Until(async () => await TransactionOpen(database) ? "open" : null,
                TimeSpan.FromMinutes(1), "the Processor to be inside a batch transaction");
            processor.Kill();
            await Eventually.Until(async () => await Connected(database) == 0 ? "gone" : null,
                TimeSpan.FromSeconds(30), "the killed Processor's connections to end");
            if (await RolledBack(database) > rolledBackBefore)
            {
                killedMidTransaction++;
            }
        }

        foreach (var rest in slices.Skip(kills))
        {
            ReadingsOnKafka.Produce(broker.BootstrapServers, rest);
        }

        using (ProcessorProcess.Start(broker.BootstrapServers, database))
        {
            return (await PipelineOutcome.WhenSettled(database, broker.BootstrapServers, readings.Count), killedMidTransaction);
        }
    }

    /// <summary>A Processor connection inside a transaction of more than one statement: a batch between its BEGIN and COMMIT.</summary>
    private static async Task<bool> TransactionOpen(string database) =>
        (long)(await Scalar(database,
            $"SELECT count(*) FROM pg_stat_activity WHERE application_name = '{ProcessorConnections}' AND datname = current_database() " +
            "AND xact_start IS NOT NULL AND (state = 'idle in transaction' OR xact_start < query_start)") ?? 0L) > 0;

    private static async Task<long> Connected(string database) =>
        (long)(await Scalar(database, $"SELECT count(*) FROM pg_stat_activity WHERE application_name = '{ProcessorConnections}' AND datname = current_database()") ?? 0L);

    /// <summary>Transactions the database rolled back: a client killed inside one leaves one behind.</summary>
    private static async Task<long> RolledBack(string database) =>
        (long)(await Scalar(database, "SELECT xact_rollback FROM pg_stat_database WHERE datname = current_database()") ?? 0L);

    private static async Task<object?> Scalar(string database, string sql)
    {
        // The spec's own connections carry another name, so they never count as the Processor's.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database) { ApplicationName = "spec", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
