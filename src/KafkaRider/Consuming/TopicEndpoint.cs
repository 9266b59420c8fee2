using Confluent.Kafka;
using CowHealth.KafkaRider.Failures;
using Microsoft.Extensions.Logging;

namespace CowHealth.KafkaRider.Consuming;

/// <summary>
/// One topic consumed by one consumer group. A single thread polls Kafka and hands each record to
/// the worker of its partition; workers dispatch concurrently up to the endpoint's limit. The same
/// thread commits what workers finished, on an interval and before partitions are given up.
/// </summary>
internal sealed class TopicEndpoint : IDisposable
{
    private static readonly TimeSpan PollTimeout = TimeSpan.FromMilliseconds(100);
    private const int RunLimit = 500;

    private readonly TopicEndpointDefinition _definition;
    private readonly IRecordHandler _handler;
    private readonly FailureClassifier _classifier;
    private readonly KafkaOptions _kafka;
    private readonly KafkaRiderMetrics _metrics;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _concurrency;
    private readonly Dictionary<TopicPartition, PartitionWorker> _workers = [];
    private readonly HashSet<TopicPartition> _paused = [];
    private readonly Dictionary<TopicPartition, Offset> _committed = [];
    private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private Task _pollLoop = Task.CompletedTask;
    private readonly PartitionRun _run = new();
    private long _consumedSinceReport;
    private volatile IReadOnlyList<PartitionStall> _stalls = [];

    public TopicEndpoint(
        TopicEndpointDefinition definition, IRecordHandler handler, FailureClassifier classifier, KafkaOptions kafka, KafkaRiderMetrics metrics, ILogger logger)
    {
        _definition = definition;
        _handler = handler;
        _classifier = classifier;
        _kafka = kafka;
        _metrics = metrics;
        _logger = logger;
        _concurrency = new SemaphoreSlim(definition.Options.ConcurrentPartitionLimit);
    }

    public string Name => $"{_definition.Topic} ({_definition.GroupId})";

    /// <summary>Completes once the consumer has subscribed; partitions are assigned later by the group.</summary>
    public Task Subscribed => _subscribed.Task;

    public bool IsPolling => !_pollLoop.IsCompleted;

    /// <summary>Partitions whose records have waited without progress for at least <see cref="KafkaOptions.StalledAfter"/>.</summary>
    public IReadOnlyList<PartitionStall> Stalls => _stalls;

    public void Start() =>
        // Confluent's Consume blocks; a dedicated thread keeps it off the thread pool.
        _pollLoop = Task.Factory.StartNew(PollLoop, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stop.CancelAsync();
        await _pollLoop.WaitAsync(cancellationToken);
    }

    public void Dispose()
    {
        _stop.Dispose();
        _concurrency.Dispose();
    }

    private void PollLoop()
    {
        using var consumer = BuildConsumer();
        try
        {
            consumer.Subscribe(_definition.Topic);
            _subscribed.TrySetResult();
            var nextCommit = DateTime.UtcNow + _kafka.CommitInterval;
            while (!_stop.IsCancellationRequested)
            {
                Poll(consumer);
                ResumeDrainedPartitions(consumer);
                if (DateTime.UtcNow >= nextCommit)
                {
                    // Counted here rather than per record: the poll thread is the rider's narrowest point.
                    _metrics.Consumed.Add(_consumedSinceReport, KafkaRiderMetrics.Topic(_definition.Topic));
                    _consumedSinceReport = 0;
                    Commit(consumer, _workers.Values);
                    RecordLag(consumer);
                    RecordStalls();
                    nextCommit = DateTime.UtcNow + _kafka.CommitInterval;
                }
            }
        }
        catch (Exception ex)
        {
            _subscribed.TrySetException(ex);
            _logger.LogCritical(ex, "Topic endpoint {Endpoint} stopped polling", Name);
            throw;
        }
        finally
        {
            _metrics.Consumed.Add(_consumedSinceReport, KafkaRiderMetrics.Topic(_definition.Topic));
            Release(consumer, _workers.Values.ToList(), commit: true);
            consumer.Close();
        }
    }

    private void Poll(IConsumer<string, byte[]> consumer)
    {
        ConsumeResult<string, byte[]>? record;
        try
        {
            // With records in hand, only look for more that are already here; otherwise wait a little.
            record = consumer.Consume(_run.IsEmpty ? PollTimeout : TimeSpan.Zero);
        }
        catch (ConsumeException ex) when (!ex.Error.IsFatal)
        {
            _logger.LogWarning("Topic endpoint {Endpoint}: {Reason}", Name, ex.Error.Reason);
            return;
        }

        if (record?.Message is null)
        {
            HandOver(consumer);
            return;
        }

        if (!_run.Continues(record) || _run.Count >= RunLimit)
        {
            HandOver(consumer);
        }

        if (_run.IsEmpty && _workers.TryGetValue(record.TopicPartition, out var worker))
        {
            _run.Start(worker);
        }

        if (!_run.IsEmpty)
        {
            _run.Add(record);
            _consumedSinceReport++;
        }
    }

    /// <summary>
    /// Gives the run of records read from one partition to its worker in one go. The broker answers
    /// a fetch with a run per partition, so this wakes a worker once per run rather than per record.
    /// </summary>
    private void HandOver(IConsumer<string, byte[]> consumer)
    {
        if (_run.IsEmpty)
        {
            return;
        }

        var (worker, records) = _run.Take();
        worker.Enqueue(records);
        if (worker.Buffered >= _definition.Options.MaxBufferedRecordsPerPartition && _paused.Add(worker.Partition))
        {
            // Pausing stops fetching for this partition only; Kafka re-fetches from our position on resume.
            consumer.Pause([worker.Partition]);
        }
    }

    private void ResumeDrainedPartitions(IConsumer<string, byte[]> consumer)
    {
        if (_paused.Count == 0)
        {
            return;
        }

        var drained = _paused
            .Where(p => !_workers.TryGetValue(p, out var w) || w.Buffered <= _definition.Options.MaxBufferedRecordsPerPartition / 2)
            .ToList();
        if (drained.Count > 0)
        {
            consumer.Resume(drained.Where(_workers.ContainsKey));
            _paused.ExceptWith(drained);
        }
    }

    private IConsumer<string, byte[]> BuildConsumer()
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = _kafka.BootstrapServers,
            ClientId = _kafka.ClientId,
            GroupId = _definition.GroupId,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            // The rider commits itself: only offsets whose records were handled, never ones merely read.
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            EnablePartitionEof = false,
            SessionTimeoutMs = (int)_kafka.SessionTimeout.TotalMilliseconds,
            QueuedMaxMessagesKbytes = _kafka.ConsumerPrefetchKilobytes,
            FetchWaitMaxMs = _kafka.ConsumerFetchWaitMilliseconds,
            HeartbeatIntervalMs = (int)Math.Min(3_000, _kafka.SessionTimeout.TotalMilliseconds / 3),
            // A member joining or leaving moves only the partitions that must move; the others keep
            // flowing through the rebalance instead of every partition of every Processor stopping.
            PartitionAssignmentStrategy = PartitionAssignmentStrategy.CooperativeSticky,
        };
        return new ConsumerBuilder<string, byte[]>(config)
            .SetErrorHandler((_, error) => _logger.LogWarning("Topic endpoint {Endpoint}: {Reason}", Name, error.Reason))
            .SetLogHandler((_, message) => LibrdkafkaLog.Write(_logger, message))
            .SetPartitionsAssignedHandler((_, partitions) => Assign(partitions))
            .SetPartitionsRevokedHandler((consumer, partitions) =>
                Release(consumer, Take(partitions.Select(p => p.TopicPartition)), commit: true))
            .SetPartitionsLostHandler((consumer, partitions) =>
                Release(consumer, Take(partitions.Select(p => p.TopicPartition)), commit: false))
            .Build();
    }

    private void Assign(IEnumerable<TopicPartition> partitions)
    {
        var limits = _definition.BatchLimits ?? new TopicBatchLimits(1, TimeSpan.Zero);
        foreach (var partition in partitions)
        {
            var retry = new PartitionRetry(partition, _classifier, _concurrency, _kafka, _metrics, _logger);
            _workers[partition] = new PartitionWorker(partition, _handler, limits, retry, _logger);
        }

        _metrics.RecordAssigned(_definition.GroupId, _definition.Topic, _workers.Count);
        _logger.LogInformation("Topic endpoint {Endpoint} was assigned partitions {Partitions}",
            Name, string.Join(",", _workers.Keys.Select(p => p.Partition.Value).Order()));
    }

    private List<PartitionWorker> Take(IEnumerable<TopicPartition> partitions)
    {
        var taken = new List<PartitionWorker>();
        foreach (var partition in partitions)
        {
            // Records of a partition given up that were read but not handed over belong to the next owner
            // now, who reads them again. Those of a partition kept must stay: the consumer's position has
            // moved past them, so dropping them would let later offsets be committed over a hole.
            if (_run.IsFor(partition))
            {
                _run.Clear();
            }

            if (_workers.Remove(partition, out var worker))
            {
                taken.Add(worker);
            }

            _paused.Remove(partition);
        }

        return taken;
    }

    /// <summary>
    /// Lets the workers finish the batch in hand (bounded by the shutdown timeout), then commits
    /// what they handled, so the next owner of these partitions starts where they stopped.
    /// </summary>
    private void Release(IConsumer<string, byte[]> consumer, List<PartitionWorker> workers, bool commit)
    {
        if (workers.Count == 0)
        {
            return;
        }

        foreach (var worker in workers)
        {
            worker.Stop();
        }

        if (!Task.WaitAll([.. workers.Select(w => w.Completion)], _kafka.ShutdownTimeout))
        {
            _logger.LogWarning("Topic endpoint {Endpoint}: work still running after {Timeout}; it will be delivered again",
                Name, _kafka.ShutdownTimeout);
            foreach (var worker in workers)
            {
                worker.Abort();
            }
        }

        if (commit)
        {
            Commit(consumer, workers);
        }

        foreach (var worker in workers)
        {
            _metrics.PartitionReleased(_definition.GroupId, worker.Partition.Topic, worker.Partition.Partition.Value);
            _stalls = _stalls.Where(s => s.Partition != worker.Partition.Partition.Value).ToList();
            _workers.Remove(worker.Partition);
            _metrics.RecordAssigned(_definition.GroupId, _definition.Topic, _workers.Count);
            _committed.Remove(worker.Partition);
            if (worker.Completion.IsCompleted)
            {
                worker.Dispose();
            }
        }
    }

    private void Commit(IConsumer<string, byte[]> consumer, IEnumerable<PartitionWorker> workers)
    {
        var offsets = workers
            .Select(w => w.NextToCommit)
            .OfType<TopicPartitionOffset>()
            .Where(o => !_committed.TryGetValue(o.TopicPartition, out var done) || done != o.Offset)
            .ToList();
        if (offsets.Count == 0)
        {
            return;
        }

        try
        {
            consumer.Commit(offsets);
            foreach (var offset in offsets)
            {
                _committed[offset.TopicPartition] = offset.Offset;
            }
        }
        catch (KafkaException ex)
        {
            // A later commit covers these offsets; until then a restart would re-deliver, not lose.
            // During a rebalance this is expected: the revoke handler commits once it settles.
            _logger.Log(ex.Error.Code == ErrorCode.RebalanceInProgress ? LogLevel.Debug : LogLevel.Warning,
                "Topic endpoint {Endpoint}: commit failed: {Reason}", Name, ex.Error.Reason);
        }
    }

    private void RecordStalls()
    {
        var stalls = new List<PartitionStall>();
        foreach (var worker in _workers.Values)
        {
            var waiting = worker.WaitingWithoutProgress;
            _metrics.RecordStall(_definition.GroupId, worker.Partition.Topic, worker.Partition.Partition.Value, waiting);
            if (waiting >= _kafka.StalledAfter)
            {
                stalls.Add(new PartitionStall(_definition.GroupId, worker.Partition.Topic, worker.Partition.Partition.Value, waiting, worker.Failing));
            }
        }

        _stalls = stalls;
    }

    private void RecordLag(IConsumer<string, byte[]> consumer)
    {
        foreach (var worker in _workers.Values)
        {
            var end = consumer.GetWatermarkOffsets(worker.Partition).High;
            if (end == Offset.Unset)
            {
                continue;
            }

            var position = worker.NextToCommit?.Offset.Value ?? worker.FirstSeenOffset;
            if (position is null)
            {
                continue;
            }

            _metrics.RecordLag(_definition.GroupId, worker.Partition.Topic, worker.Partition.Partition.Value, end.Value - position.Value);
        }
    }
}
