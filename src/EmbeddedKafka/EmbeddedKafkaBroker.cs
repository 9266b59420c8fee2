using System.Net;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CowHealth.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CowHealth.EmbeddedKafka;

/// <summary>
/// A Kafka-protocol broker inside this process: librdkafka's mock cluster, which real clients
/// reach over real TCP. It holds everything in memory and starts in milliseconds, for tests and
/// the one-command local run where no Kafka (and no Docker) is available.
/// </summary>
/// <remarks>
/// The mock keeps at most 5 MiB or 100,000 message sets per partition and silently drops older
/// ones; a consumer that falls further behind gets OFFSET_OUT_OF_RANGE. Admin requests that need
/// a controller (CreateTopics) time out against it: create topics with <see cref="CreateTopic"/>.
/// </remarks>
public sealed class EmbeddedKafkaBroker : IAsyncDisposable
{
    private const string Loopback = "127.0.0.1";

    private readonly MockClusterHandle _cluster;
    private readonly LoopbackTcpRelay? _relay;
    private readonly int _brokerCount;
    private int _disposed;

    private EmbeddedKafkaBroker(MockClusterHandle cluster, LoopbackTcpRelay? relay, int brokerCount, string bootstrapServers)
    {
        _cluster = cluster;
        _relay = relay;
        _brokerCount = brokerCount;
        BootstrapServers = bootstrapServers;
    }

    /// <summary>
    /// Where clients connect, e.g. <c>127.0.0.1:9092</c>; a comma-separated list with more than
    /// one broker. This is the fixed port when <see cref="IsOnFixedPort"/>, else an ephemeral one.
    /// </summary>
    public string BootstrapServers { get; }

    /// <summary>
    /// True when the broker is reachable and advertised on <see cref="EmbeddedKafkaOptions.FixedPort"/>;
    /// false when none was asked for or that port was taken.
    /// </summary>
    public bool IsOnFixedPort => _relay is not null;

    /// <summary>
    /// Starts the broker and creates the topics in <see cref="Topics.All"/> with the partition
    /// counts from <paramref name="options"/>.
    /// </summary>
    /// <param name="logger">Receives librdkafka's own log lines and the fixed-port fallback warning.</param>
    public static async Task<EmbeddedKafkaBroker> StartAsync(
        EmbeddedKafkaOptions? options = null, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmbeddedKafkaOptions();
        options.Validate();
        logger ??= NullLogger.Instance;
        cancellationToken.ThrowIfCancellationRequested();

        // librdkafka creates the cluster's listeners and thread synchronously; keep that off the caller's thread.
        var cluster = await Task.Run(() => MockClusterHandle.Create(options.BrokerCount, logger), cancellationToken);
        LoopbackTcpRelay? relay = null;
        try
        {
            LibrdkafkaMock.rd_kafka_mock_group_initial_rebalance_delay_ms(
                cluster, (int)options.GroupInitialRebalanceDelay.TotalMilliseconds);
            var ephemeral = Marshal.PtrToStringUTF8(LibrdkafkaMock.rd_kafka_mock_cluster_bootstraps(cluster))
                ?? throw new InvalidOperationException("librdkafka's mock cluster reported no bootstrap servers.");

            relay = options.FixedPort is { } port ? StartRelay(cluster, port, ephemeral, logger) : null;
            var broker = new EmbeddedKafkaBroker(cluster, relay, options.BrokerCount, relay is null ? ephemeral : $"{Loopback}:{relay.Port}");
            foreach (var topic in Topics.All)
                broker.CreateTopic(topic, topic == Topics.Readings ? options.ReadingsPartitions : options.OtherTopicPartitions);

            logger.LogInformation("Embedded Kafka broker (librdkafka mock, {BrokerCount} broker(s)) is listening on {BootstrapServers}",
                options.BrokerCount, broker.BootstrapServers);
            return broker;
        }
        catch
        {
            if (relay is not null)
                await relay.DisposeAsync();
            cluster.Dispose();
            throw;
        }
    }

    /// <summary>Creates a topic with replication factor 1.</summary>
    /// <exception cref="InvalidOperationException">The topic exists already or the name is invalid.</exception>
    public void CreateTopic(string name, int partitions)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        ThrowOnError(LibrdkafkaMock.rd_kafka_mock_topic_create(_cluster, name, partitions, replicationFactor: 1), $"create topic '{name}'");
    }

    /// <summary>
    /// Drops the broker's connections and refuses new ones until <see cref="SetBrokerUp"/>, as a
    /// crashed broker would. Partition leadership does not move, so clients wait and retry.
    /// </summary>
    /// <param name="brokerId">From 1 to <see cref="EmbeddedKafkaOptions.BrokerCount"/>.</param>
    public void SetBrokerDown(int brokerId)
    {
        ThrowIfUnknown(brokerId);
        ThrowOnError(LibrdkafkaMock.rd_kafka_mock_broker_set_down(_cluster, brokerId), $"set broker {brokerId} down");
    }

    /// <summary>Lets the broker accept connections again after <see cref="SetBrokerDown"/>.</summary>
    /// <param name="brokerId">From 1 to <see cref="EmbeddedKafkaOptions.BrokerCount"/>.</param>
    public void SetBrokerUp(int brokerId)
    {
        ThrowIfUnknown(brokerId);
        ThrowOnError(LibrdkafkaMock.rd_kafka_mock_broker_set_up(_cluster, brokerId), $"set broker {brokerId} up");
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;

        // The relay goes first so no connection is piped into a cluster that is being torn down.
        if (_relay is not null)
            await _relay.DisposeAsync();
        _cluster.Dispose();
    }

    private static LoopbackTcpRelay? StartRelay(MockClusterHandle cluster, int port, string ephemeral, ILogger logger)
    {
        var relay = LoopbackTcpRelay.TryStart(port, IPEndPoint.Parse(ephemeral), logger, out var failure);
        if (relay is null)
        {
            logger.LogWarning(
                "The embedded Kafka broker cannot listen on 127.0.0.1:{FixedPort} ({Reason}), so it listens on {BootstrapServers} " +
                "instead and clients configured for the fixed address will not reach it. Stop whatever holds the port " +
                "(`ss -ltnp` names it; often another Kafka) or choose another FixedPort, then restart",
                port, failure, ephemeral);
            return null;
        }

        // Metadata responses must name the relay's port: clients bootstrap anywhere, then connect
        // to whatever address the broker advertises for itself.
        LibrdkafkaMock.rd_kafka_mock_broker_set_host_port(cluster, 1, Loopback, port);
        return relay;
    }

    private void ThrowIfUnknown(int brokerId, [CallerArgumentExpression(nameof(brokerId))] string? parameterName = null)
    {
        if (brokerId < 1 || brokerId > _brokerCount)
            throw new ArgumentOutOfRangeException(parameterName, brokerId, $"Broker ids run from 1 to {_brokerCount} (the BrokerCount option).");
    }

    private static void ThrowOnError(int err, string what)
    {
        if (err != LibrdkafkaMock.NoError)
            throw new InvalidOperationException($"The embedded Kafka broker could not {what}: {LibrdkafkaMock.ErrorText(err)}");
    }
}
