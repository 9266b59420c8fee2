using CowHealth.EmbeddedKafka;
using CowHealth.Processor;
using CowHealth.Tests.Infrastructure;
using Npgsql;

namespace CowHealth.Tests.Processor;

/// <summary>
/// Several Processors in one consumer group share the herd's partitions and one database: whether
/// they run side by side, one of them dies or another joins, the readings, alerts and alert events
/// (in the database and on <c>cow-health-alerts</c>) are those of a single uninterrupted Processor.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ScaleOut_Specs(ThrowawayPostgres postgres)
{
    [Fact]
    public async Task Three_processors_of_which_one_is_killed_and_a_fourth_joins_end_where_one_uninterrupted_processor_does()
    {
        var herd = ReferenceHerd.Readings();
        var single = await ReferenceHerd.Uninterrupted(postgres);
        var database = await postgres.CreateDatabaseAsync("scale_out");
        await using var broker = await EmbeddedKafkaBroker.StartAsync(new EmbeddedKafkaOptions { GroupInitialRebalanceDelay = TimeSpan.Zero });

        // One after another, each given the time the group takes to settle (a rebalance per member on the embedded broker).
        using var first = ProcessorProcess.Start(broker.BootstrapServers, database);
        await EachHoldsPartitions(first);
        using var second = ProcessorProcess.Start(broker.BootstrapServers, database);
        await EachHoldsPartitions(first, second);
        using var third = ProcessorProcess.Start(broker.BootstrapServers, database);
        await EachHoldsPartitions(first, second, third);
        await PipelineOutcome.ProduceAndWaitUntilStored(broker.BootstrapServers, database, herd[..(herd.Count / 3)]);
        second.Kill();
        ReadingsOnKafka.Produce(broker.BootstrapServers, herd[(herd.Count / 3)..(2 * herd.Count / 3)]);
        using var fourth = ProcessorProcess.Start(broker.BootstrapServers, database);
        await EachHoldsPartitions(fourth);
        ReadingsOnKafka.Produce(broker.BootstrapServers, herd[(2 * herd.Count / 3)..]);

        var outcome = await PipelineOutcome.WhenSettled(database, broker.BootstrapServers, herd.Count);
        outcome.AssertSameAs(single);
        Assert.True(await Ingested(fourth) > 0, "the Processor that joined took partitions over");
    }

    [Fact]
    public async Task Two_processors_running_side_by_side_publish_each_alert_event_once_and_each_cows_in_order()
    {
        var herd = ReferenceHerd.Readings();
        var single = await ReferenceHerd.Uninterrupted(postgres);
        var database = await postgres.CreateDatabaseAsync("side_by_side");
        await using var broker = await EmbeddedKafkaBroker.StartAsync(new EmbeddedKafkaOptions { GroupInitialRebalanceDelay = TimeSpan.Zero });

        using var first = ProcessorProcess.Start(broker.BootstrapServers, database);
        await EachHoldsPartitions(first);
        using var second = ProcessorProcess.Start(broker.BootstrapServers, database);
        await EachHoldsPartitions(first, second);
        ReadingsOnKafka.Produce(broker.BootstrapServers, herd);

        var outcome = await PipelineOutcome.WhenSettled(database, broker.BootstrapServers, herd.Count);
        outcome.AssertSameAs(single);
        Assert.Equal(0, outcome.PublishedDuplicates);
        Assert.True(await Ingested(first) > 0 && await Ingested(second) > 0, "both Processors stored readings");
    }

    /// <summary>Waits until the consumer group has given each of these Processors readings partitions to hold.</summary>
    private static async Task EachHoldsPartitions(params ProcessorProcess[] processors) =>
        await Eventually.Until(async () =>
            {
                foreach (var processor in processors)
                {
                    if ((await processor.Metrics())?.Sum("cowhealth_kafka_partitions_assigned", ("group", ProcessorExtensions.ReadingsGroup)) is not > 0)
                    {
                        return null;
                    }
                }

                return "settled";
            },
            TimeSpan.FromMinutes(2), "the consumer group to give every Processor partitions");

    private static async Task<double> Ingested(ProcessorProcess processor) =>
        (await processor.Metrics())?.Sum("cowhealth_processor_readings_ingested") ?? 0;
}
