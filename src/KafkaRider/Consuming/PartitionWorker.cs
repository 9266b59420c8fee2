using System.Diagnostics;
using System.Threading.Channels;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace CowHealth.KafkaRider.Consuming;

/// <summary>
/// Handles one assigned partition: records in offset order, one batch at a time, so one key's
/// messages never overtake each other. It remembers the last offset fully handled; the poll loop
/// commits from that, so a record is committed only after its dispatch completed.
/// </summary>
internal sealed class PartitionWorker : IDisposable
{
    private static readonly TimeSpan RetryAfterHandlerFault = TimeSpan.FromSeconds(1);

    private readonly Channel<List<ConsumeResult<string, byte[]>>> _queue =
        Channel.CreateUnbounded<List<ConsumeResult<string, byte[]>>>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly Queue<ConsumeResult<string, byte[]>> _carried = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly IRecordHandler _handler;
    private readonly TopicBatchLimits _limits;
    private readonly PartitionRetry _retry;
    private readonly ILogger _logger;
    private readonly Guid _assignment = Guid.NewGuid();
    private volatile bool _stopRequested;
    private int _buffered;
    private long _handledOffset = Offset.Unset.Value;
    private long _firstSeenOffset = Offset.Unset.Value;
    private long _waitingSince = Stopwatch.GetTimestamp();

    public PartitionWorker(TopicPartition partition, IRecordHandler handler, TopicBatchLimits limits, PartitionRetry retry, ILogger logger)
    {
        Partition = partition;
        _handler = handler;
        _limits = limits;
        _retry = retry;
        _logger = logger;
        Completion = Task.Run(Run);
    }

    public TopicPartition Partition { get; }

    /// <summary>
    /// How long records have waited here without the partition moving on: zero while it keeps up
    /// or has nothing to do. A failing dependency or a slow one shows here first.
    /// </summary>
    public TimeSpan WaitingWithoutProgress =>
        Buffered > 0 ? Stopwatch.GetElapsedTime(Interlocked.Read(ref _waitingSince)) : TimeSpan.Zero;

    /// <summary>The last attempt at the batch in hand failed transiently; the worker is waiting to retry.</summary>
    public bool Failing => _retry.Failing;

    public Task Completion { get; }

    /// <summary>Records read from Kafka and not yet handled.</summary>
    public int Buffered => Volatile.Read(ref _buffered);

    /// <summary>The offset to commit: one past the last record fully handled, or null before the first.</summary>
    public TopicPartitionOffset? NextToCommit
    {
        get
        {
            var handled = Interlocked.Read(ref _handledOffset);
            return handled < 0 ? null : new TopicPartitionOffset(Partition, handled + 1);
        }
    }

    /// <summary>Where this owner started reading: the committed position it was handed.</summary>
    public long? FirstSeenOffset
    {
        get
        {
            var first = Interlocked.Read(ref _firstSeenOffset);
            return first < 0 ? null : first;
        }
    }

    /// <summary>Takes a run of consecutive records of this partition, in offset order.</summary>
    public void Enqueue(List<ConsumeResult<string, byte[]>> records)
    {
        Interlocked.CompareExchange(ref _firstSeenOffset, records[0].Offset.Value, Offset.Unset.Value);
        if (Interlocked.Add(ref _buffered, records.Count) == records.Count)
        {
            // Idle until now: the wait starts with these records, not with the last batch long ago.
            Interlocked.Exchange(ref _waitingSince, Stopwatch.GetTimestamp());
        }

        _queue.Writer.TryWrite(records);
    }

    /// <summary>Finish the batch in hand, take no more. Records still queued are left for whoever owns the partition next.</summary>
    public void Stop()
    {
        _stopRequested = true;
        _queue.Writer.TryComplete();
    }

    /// <summary>Cancel the batch in hand; it stays uncommitted and will be delivered again.</summary>
    public void Abort() => _abort.Cancel();

    public void Dispose() => _abort.Dispose();

    private async Task Run()
    {
        var batch = new List<ConsumeResult<string, byte[]>>(_limits.MessageLimit);
        try
        {
            while (await NextBatch(batch))
            {
                await HandleUntilDone(batch);
                Interlocked.Exchange(ref _handledOffset, batch[^1].Offset.Value);
                Interlocked.Exchange(ref _waitingSince, Stopwatch.GetTimestamp());
                Interlocked.Add(ref _buffered, -batch.Count);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
        }
    }

    private async Task<bool> NextBatch(List<ConsumeResult<string, byte[]>> batch)
    {
        var reader = _queue.Reader;
        if (_stopRequested || (_carried.Count == 0 && !await reader.WaitToReadAsync(_abort.Token)) || _stopRequested)
        {
            return false;
        }

        var deadline = DateTime.UtcNow + _limits.TimeLimit;
        while (true)
        {
            while (batch.Count < _limits.MessageLimit && _carried.TryDequeue(out var carried))
            {
                batch.Add(carried);
            }

            if (batch.Count >= _limits.MessageLimit || _stopRequested)
            {
                break;
            }

            if (reader.TryRead(out var run))
            {
                foreach (var record in run)
                {
                    _carried.Enqueue(record);
                }

                continue;
            }

            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                break;
            }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(_abort.Token);
            wait.CancelAfter(remaining);
            try
            {
                if (!await reader.WaitToReadAsync(wait.Token))
                {
                    break;
                }
            }
            catch (OperationCanceledException) when (!_abort.IsCancellationRequested)
            {
                break;
            }
        }

        return batch.Count > 0;
    }

    private async Task HandleUntilDone(List<ConsumeResult<string, byte[]>> batch)
    {
        while (true)
        {
            try
            {
                await _handler.Handle(batch, _assignment, _retry, _abort.Token);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !_abort.IsCancellationRequested)
            {
                // Handlers wait out transient failures and park poison themselves, so this is a fault of
                // the handler itself. Skipping would lose the records: hold the partition and try again.
                _logger.LogError(ex, "Records {First}..{Last} of {Partition} could not be handled; retrying",
                    batch[0].Offset.Value, batch[^1].Offset.Value, Partition);
            }

            await Task.Delay(RetryAfterHandlerFault, _abort.Token);
        }
    }
}
