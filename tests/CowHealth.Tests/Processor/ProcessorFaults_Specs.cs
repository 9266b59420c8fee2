using System.Diagnostics;
using CowHealth.Contracts;
using CowHealth.EmbeddedKafka;
using CowHealth.Tests.Infrastructure;
using Npgsql;

namespace CowHealth.Tests.Processor;

/// <summary>
/// Nothing is lost, doubled or dead-lettered when what the Processor depends on fails while the herd
/// streams: each run that suffers a failure ends with the same readings, alerts and alert events (in
/// the database and on <c>cow-health-alerts</c>, each cow's in order) as a run that suffered none, and
/// an operator could see the stall while it lasted. Each spec has a PostgreSQL server of its own, as
/// one of them stops it.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ProcessorFaults_Specs : IAsyncLifetime
{
    private static readonly List<SensorReading> Herd = ReferenceHerd.Readings();

    /// <summary>A partition counts as stalled after 5 s here (30 s by default), so a 10-20 s failure shows as one.</summary>
    private static readonly Dictionary<string, string> Settings = new() { ["Kafka__StalledAfter"] = "00:00:05" };

    private readonly ThrowawayPostgres _postgres = new();

    public Task InitializeAsync() => _postgres.InitializeAsync();

    public Task DisposeAsync() => _postgres.DisposeAsync();

    [Fact]
    public async Task PostgreSQL_stopped_for_twenty_seconds_while_readings_stream_loses_nothing_and_dead_letters_nothing()
    {
        var calm = await ReferenceHerd.Uninterrupted(_postgres);
        await using var run = await Run.Start(_postgres, "pg_stopped");

        await run.Stream(Herd[..(Herd.Count / 3)]);
        var outage = Stopwatch.StartNew();
        await _postgres.StopAsync();
        run.Produce(Herd[(Herd.Count / 3)..(2 * Herd.Count / 3)]);
        var unhealthy = await Eventually.Until(async () => await run.Processor.Readiness() is { } r && r.Contains("Unhealthy") ? r : null,
            TimeSpan.FromSeconds(15), "readiness to turn unhealthy while the database is away");
        var stalled = await run.WaitForStall();
        await Remainder(TimeSpan.FromSeconds(20), outage); // the outage itself, not a wait for something to happen
        await _postgres.StartAsync();
        run.Produce(Herd[(2 * Herd.Count / 3)..]);

        var outcome = await PipelineOutcome.WhenSettled(run.Database, run.Broker.BootstrapServers, Herd.Count);
        await run.WaitForReadiness("Healthy");
        Assert.Equal("Unhealthy", unhealthy);
        Assert.True(stalled >= 5, $"the stall was visible ({stalled} s)");
        outcome.AssertSameAs(calm);
    }

    [Fact]
    public async Task The_broker_down_for_ten_seconds_while_readings_stream_and_alerts_are_relayed_loses_nothing()
    {
        var calm = await ReferenceHerd.Uninterrupted(_postgres);
        await using var run = await Run.Start(_postgres, "broker_down");

        await run.Stream(Herd[..(Herd.Count * 2 / 5)]);
        // The fevers begin at two-thirds of the herd's time: this slice raises alerts while the broker goes away.
        run.Produce(Herd[(Herd.Count * 2 / 5)..(Herd.Count * 4 / 5)]);
        run.Broker.SetBrokerDown(1);
        var during = Task.Run(() => run.Produce(Herd[(Herd.Count * 4 / 5)..]));
        await Task.Delay(TimeSpan.FromSeconds(10)); // the outage itself, not a wait for something to happen
        Assert.False(during.IsCompleted, "nothing can be produced while the broker is down");
        run.Broker.SetBrokerUp(1);
        await during;

        var outcome = await PipelineOutcome.WhenSettled(run.Database, run.Broker.BootstrapServers, Herd.Count);
        await run.WaitForReadiness("Healthy");
        Assert.NotEmpty(outcome.PublishedByCow);
        outcome.AssertSameAs(calm);
    }

    [Fact]
    public async Task A_database_that_holds_the_readings_table_locked_for_fifteen_seconds_slows_ingestion_but_dead_letters_nothing()
    {
        var calm = await ReferenceHerd.Uninterrupted(_postgres);
        await using var run = await Run.Start(_postgres, "slow_database");

        await run.Stream(Herd[..(Herd.Count / 3)]);
        var slow = Stopwatch.StartNew();
        await using (var locker = new NpgsqlConnection(run.Database))
        {
            await locker.OpenAsync();
            await using var transaction = await locker.BeginTransactionAsync();
            // Writers wait, readers do not: a long maintenance job, a migration, a backup tool that went wrong.
            await using (var lockTable = new NpgsqlCommand("LOCK TABLE readings IN EXCLUSIVE MODE", locker, transaction))
            {
                await lockTable.ExecuteNonQueryAsync();
            }

            run.Produce(Herd[(Herd.Count / 3)..(2 * Herd.Count / 3)]);
            var stalled = await run.WaitForStall();
            var degraded = await run.WaitForReadiness("Degraded");
            await Remainder(TimeSpan.FromSeconds(15), slow); // the slow spell itself
            await transaction.CommitAsync();
            Assert.True(stalled >= 5, $"the stall was visible ({stalled} s)");
            Assert.Equal("Degraded", degraded);
        }

        run.Produce(Herd[(2 * Herd.Count / 3)..]);
        var outcome = await PipelineOutcome.WhenSettled(run.Database, run.Broker.BootstrapServers, Herd.Count);
        await run.WaitForReadiness("Healthy");
        outcome.AssertSameAs(calm);
    }

    /// <summary>Waits out what is left of a failure meant to last <paramref name="length"/>.</summary>
    private static Task Remainder(TimeSpan length, Stopwatch since) =>
        length > since.Elapsed ? Task.Delay(length - since.Elapsed) : Task.CompletedTask;

    /// <summary>One run: a broker, a database and a Processor process.</summary>
    private sealed class Run(EmbeddedKafkaBroker broker, string database, ProcessorProcess processor) : IAsyncDisposable
    {
        public EmbeddedKafkaBroker Broker { get; } = broker;

        public string Database { get; } = database;

        public ProcessorProcess Processor { get; } = processor;

        public static async Task<Run> Start(ThrowawayPostgres postgres, string purpose)
        {
            var database = await postgres.CreateDatabaseAsync(purpose);
            var broker = await EmbeddedKafkaBroker.StartAsync(new EmbeddedKafkaOptions { GroupInitialRebalanceDelay = TimeSpan.Zero });
            return new Run(broker, database, ProcessorProcess.Start(broker.BootstrapServers, database, Settings));
        }

        public void Produce(IEnumerable<SensorReading> readings) => ReadingsOnKafka.Produce(Broker.BootstrapServers, readings);

        /// <summary>Produces the readings and waits until the Processor has stored every reading produced so far.</summary>
        public Task Stream(List<SensorReading> readings) => PipelineOutcome.ProduceAndWaitUntilStored(Broker.BootstrapServers, Database, readings);

        /// <summary>Waits until the Processor shows a partition stalled past the setting; returns the longest stall it shows, in seconds.</summary>
        public async Task<double> WaitForStall()
        {
            var longest = await Eventually.Until(async () =>
                    await Processor.Metrics() is { } metrics &&
                    metrics.Series.Where(s => s.Name == "cowhealth_kafka_partition_stalled_seconds").Select(s => s.Value).DefaultIfEmpty().Max() is var max &&
                    max >= 5
                        ? (object)max
                        : null,
                TimeSpan.FromSeconds(30), "a partition shown stalled in /metrics");
            return (double)longest;
        }

        public Task<string> WaitForReadiness(string status) =>
            Eventually.Until(async () => await Processor.Readiness() == status ? status : null, TimeSpan.FromSeconds(60), $"readiness {status}");

        public async ValueTask DisposeAsync()
        {
            Processor.Dispose();
            await Broker.DisposeAsync();
        }
    }
}
