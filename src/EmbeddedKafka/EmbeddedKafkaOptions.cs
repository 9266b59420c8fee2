namespace CowHealth.EmbeddedKafka;

/// <summary>How the embedded Kafka-protocol broker (librdkafka's mock cluster) is laid out.</summary>
public sealed record EmbeddedKafkaOptions
{
    /// <summary>
    /// Number of brokers, with ids 1 to <see cref="BrokerCount"/>. Default 1. Partition leaders are
    /// spread over them, so more than one is only useful for outage tests.
    /// </summary>
    public int BrokerCount { get; init; } = 1;

    /// <summary>
    /// Partitions of <c>cow-health-data</c>. Default 12. The mock keeps at most 5 MiB or 100,000
    /// message sets per partition and silently drops older ones, and answers each fetch with one
    /// batch per partition, so more partitions hold more unconsumed readings and consume faster.
    /// </summary>
    public int ReadingsPartitions { get; init; } = 12;

    /// <summary>
    /// Partitions of <c>cow-health-alerts</c>, <c>cow-health-commands</c> and
    /// <c>cow-health-data.dlq</c>, which carry far fewer messages. Default 3.
    /// </summary>
    public int OtherTopicPartitions { get; init; } = 3;

    /// <summary>
    /// Loopback port the broker is reachable and advertised on, such as 9092 for people and kcat.
    /// Default null: an ephemeral port, which is what tests want so they can run side by side.
    /// Needs <see cref="BrokerCount"/> 1. If the port is taken the broker warns and falls back to
    /// an ephemeral port.
    /// </summary>
    public int? FixedPort { get; init; }

    /// <summary>
    /// How long a new consumer group waits for more members before its first rebalance, Kafka's
    /// <c>group.initial.rebalance.delay.ms</c>. Default 3 s, as in Kafka and the mock; tests with a
    /// single consumer per group can set <see cref="TimeSpan.Zero"/> to get their assignment sooner.
    /// </summary>
    public TimeSpan GroupInitialRebalanceDelay { get; init; } = TimeSpan.FromSeconds(3);

    internal void Validate()
    {
        if (BrokerCount < 1)
            throw new ArgumentOutOfRangeException(nameof(BrokerCount), BrokerCount, "The embedded Kafka broker needs at least one broker.");
        if (ReadingsPartitions < 1)
            throw new ArgumentOutOfRangeException(nameof(ReadingsPartitions), ReadingsPartitions, "A topic needs at least one partition.");
        if (OtherTopicPartitions < 1)
            throw new ArgumentOutOfRangeException(nameof(OtherTopicPartitions), OtherTopicPartitions, "A topic needs at least one partition.");
        if (FixedPort is < 1 or > 65535)
            throw new ArgumentOutOfRangeException(nameof(FixedPort), FixedPort, "Use a TCP port from 1 to 65535, or null for an ephemeral port.");
        if (FixedPort is not null && BrokerCount != 1)
        {
            throw new ArgumentException(
                $"{nameof(FixedPort)} works with one broker only ({nameof(BrokerCount)} is {BrokerCount}): " +
                "every broker needs its own advertised address. Set FixedPort to null for multi-broker tests.",
                nameof(FixedPort));
        }

        if (GroupInitialRebalanceDelay < TimeSpan.Zero || GroupInitialRebalanceDelay.TotalMilliseconds > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(GroupInitialRebalanceDelay), GroupInitialRebalanceDelay, "Use zero or a positive delay.");
    }
}
