using Confluent.Kafka;
using CowHealth.Contracts;
using CowHealth.KafkaRider;
using Microsoft.Extensions.Options;

namespace CowHealth.Gateway.AlertStream;

/// <summary>
/// The Gateway's one reader of <c>cow-health-alerts</c>, shared by every live stream. It starts with
/// the first stream, at the end of every partition, and hands each record to every open stream's
/// queue. It keeps the most recent records (<c>Gateway:AlertStream:ReplayBufferMegabytes</c>), so a
/// client that reconnects with <c>Last-Event-ID</c> resumes from them exactly; a resume from further
/// back gets a reader of its own (<see cref="AlertTopicReader"/>). A client whose queue is full
/// (<c>ClientQueueLength</c>) is disconnected rather than let the Gateway hold ever more for it.
/// </summary>
public sealed class AlertFeed(
    IOptions<KafkaOptions> kafka, IOptions<AlertStreamOptions> options, TimeProvider clock, ILogger<AlertFeed> logger) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _starting = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Queue<FeedEntry> _recent = new();
    private readonly HashSet<FeedSubscription> _subscribers = [];
    private readonly long _bufferBytes = options.Value.ReplayBufferMegabytes * 1024L * 1024;

    // Guarded by _gate once started: for each partition, the offset of the next record to come, and
    // the oldest offset from which every record up to it is still in _recent.
    private Dictionary<int, long> _next = [];
    private Dictionary<int, long> _keptFrom = [];
    private long _recentBytes;
    private IConsumer<Ignore, byte[]>? _consumer;
    private Thread? _reader;

    // Set by the consumer's error handler; the reader then asks the broker itself before it tells streams.
    private volatile string? _suspect;
    private volatile string? _unreachable;
    private CancellationTokenSource _healthChanged = new();

    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Why the feed cannot reach Kafka now, or null while it reads.</summary>
    public string? Unreachable => _unreachable;

    /// <summary>Cancelled when <see cref="Unreachable"/> changes, so that waiting streams say so at once.</summary>
    internal CancellationToken HealthChanged
    {
        get
        {
            lock (_gate)
            {
                return _healthChanged.Token;
            }
        }
    }

    /// <summary>
    /// A subscription from the live end (no <paramref name="resumeFrom"/>) or right after
    /// <paramref name="resumeFrom"/>, or null when the feed does not hold every record after that
    /// position (older than it keeps, another deployment's, or a partition it does not know).
    /// Throws <see cref="KafkaException"/> when Kafka does not answer the feed's start.
    /// </summary>
    public async Task<FeedSubscription?> SubscribeAsync(StreamPosition? resumeFrom, CancellationToken cancellationToken)
    {
        await EnsureStartedAsync(cancellationToken);
        lock (_gate)
        {
            if (resumeFrom is null)
            {
                return Add(new FeedSubscription(this, new Dictionary<int, long>(_next), options.Value.ClientQueueLength, clock));
            }

            if (resumeFrom.Partitions.Any(p => !_next.ContainsKey(p))
                || _next.Any(p => resumeFrom.NextOffset(p.Key) is not { } wanted || wanted < _keptFrom[p.Key] || wanted > p.Value))
            {
                return null;
            }

            var missed = _recent.Where(e => e.Offset >= resumeFrom.NextOffset(e.Partition)).ToList();
            if (missed.Count > options.Value.ClientQueueLength)
            {
                return null;
            }

            var subscription = new FeedSubscription(this, _next.Keys.ToDictionary(p => p, p => resumeFrom.NextOffset(p)!.Value), options.Value.ClientQueueLength, clock);
            foreach (var entry in missed)
            {
                subscription.Offer(entry);
            }

            return Add(subscription);
        }
    }

    internal void Unsubscribe(FeedSubscription subscription)
    {
        lock (_gate)
        {
            _subscribers.Remove(subscription);
        }
    }

    private FeedSubscription Add(FeedSubscription subscription)
    {
        _subscribers.Add(subscription);
        return subscription;
    }

    private async Task EnsureStartedAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _reader) is not null)
        {
            return;
        }

        await _starting.WaitAsync(cancellationToken);
        try
        {
            if (_reader is null)
            {
                // Metadata and watermark queries block on the broker: keep them off the request's thread.
                await Task.Run(Start, cancellationToken);
            }
        }
        finally
        {
            _starting.Release();
        }
    }

    private void Start()
    {
        var consumer = AlertTopicConsumer.Build(kafka.Value, "alert-feed", logger, OnConsumerError);
        try
        {
            var next = AlertTopicConsumer.Partitions(consumer).ToDictionary(
                p => p,
                p => consumer.QueryWatermarkOffsets(new TopicPartition(Topics.Alerts, p), AlertTopicConsumer.BrokerTimeout).High.Value);
            consumer.Assign(next.Select(p => new TopicPartitionOffset(Topics.Alerts, p.Key, p.Value)));
            lock (_gate)
            {
                _next = next;
                _keptFrom = new Dictionary<int, long>(next);
            }

            _consumer = consumer;
            // One thread that blocks in Consume: the feed's cost does not grow with the streams it serves.
            var reader = new Thread(Read) { IsBackground = true, Name = "alert-feed" };
            reader.Start();
            Volatile.Write(ref _reader, reader);
            logger.LogInformation("Alert feed started on {Partitions} partitions of {Topic}", next.Count, Topics.Alerts);
        }
        catch
        {
            consumer.Dispose();
            throw;
        }
    }

    private void Read()
    {
        var consumer = _consumer!;
        while (!_stop.IsCancellationRequested)
        {
            ConsumeResult<Ignore, byte[]>? result;
            try
            {
                result = consumer.Consume(TimeSpan.FromMilliseconds(250));
            }
            catch (ConsumeException ex)
            {
                // librdkafka retries the broker by itself; a record it cannot hand over is skipped by offset, as a stream's own reader would fail on it.
                logger.LogWarning(ex, "Alert feed: {Reason}", ex.Error.Reason);
                _stop.Token.WaitHandle.WaitOne(TimeSpan.FromSeconds(1));
                continue;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            if (result?.Message is not null)
            {
                SetUnreachable(null);
                Publish(new FeedEntry(result.Partition.Value, result.Offset.Value, AlertRecord.From(result.Message)));
            }
            else if (_suspect is not null || _unreachable is not null)
            {
                Probe(consumer);
            }
        }
    }

    private void OnConsumerError(Error error)
    {
        // librdkafka reports a lost broker connection but never its return: Probe finds that out.
        // Streams get a short reason; the broker's address and the details stay in the Gateway's log.
        _suspect = error.Code switch
        {
            ErrorCode.Local_AllBrokersDown => "All Kafka brokers are down.",
            ErrorCode.Local_Transport or ErrorCode.Local_Resolve => "The connection to Kafka failed.",
            _ when error.IsFatal => "The Kafka client failed.",
            _ => _suspect,
        };
    }

    /// <summary>Asks the broker for a watermark, as a fetch would need it to answer: an answer clears the suspicion, none confirms it.</summary>
    private void Probe(IConsumer<Ignore, byte[]> consumer)
    {
        int partition;
        lock (_gate)
        {
            partition = _next.Keys.Min();
        }

        var suspect = _suspect;
        try
        {
            consumer.QueryWatermarkOffsets(new TopicPartition(Topics.Alerts, partition), ProbeTimeout);
            _suspect = null;
            SetUnreachable(null);
        }
        catch (KafkaException ex)
        {
            logger.LogDebug(ex, "Alert feed: Kafka did not answer the probe");
            SetUnreachable(suspect ?? _unreachable ?? "Kafka does not answer.");
        }
    }

    private void SetUnreachable(string? reason)
    {
        if ((_unreachable is null) == (reason is null))
        {
            return;
        }

        CancellationTokenSource changed;
        lock (_gate)
        {
            _unreachable = reason;
            changed = _healthChanged;
            _healthChanged = new CancellationTokenSource();
        }

        // Not disposed: a stream may still be linking to its token.
        changed.Cancel();
        if (reason is null)
        {
            logger.LogInformation("Alert feed reaches Kafka again");
        }
        else
        {
            logger.LogWarning("Alert feed cannot reach Kafka: {Reason}; streams say so until it can", reason);
        }
    }

    private void Publish(FeedEntry entry)
    {
        List<FeedSubscription>? behind = null;
        lock (_gate)
        {
            _next[entry.Partition] = entry.Offset + 1;
            _recent.Enqueue(entry);
            _recentBytes += entry.Bytes;
            while (_recentBytes > _bufferBytes && _recent.TryDequeue(out var oldest))
            {
                _recentBytes -= oldest.Bytes;
                _keptFrom[oldest.Partition] = oldest.Offset + 1;
            }

            foreach (var subscriber in _subscribers)
            {
                if (!subscriber.Offer(entry))
                {
                    (behind ??= []).Add(subscriber);
                }
            }

            foreach (var subscriber in behind ?? [])
            {
                _subscribers.Remove(subscriber);
            }
        }

        foreach (var subscriber in behind ?? [])
        {
            subscriber.End($"The client fell {options.Value.ClientQueueLength} events behind; it resumes from its last id when it reconnects.");
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _reader?.Join(TimeSpan.FromSeconds(5));
        _consumer?.Dispose();
        lock (_gate)
        {
            foreach (var subscriber in _subscribers)
            {
                subscriber.End("The Gateway is stopping.");
            }

            _subscribers.Clear();
        }

        _stop.Dispose();
        _starting.Dispose();
    }
}
