using System.Threading.Channels;

namespace CowHealth.Gateway.AlertStream;

/// <summary>
/// One stream's place in the shared <see cref="AlertFeed"/>: a bounded queue the feed fills and the
/// stream empties, and the stream's position, moved on by each entry the stream takes.
/// </summary>
public sealed class FeedSubscription : IAlertSource
{
    private readonly AlertFeed _feed;
    private readonly Channel<FeedEntry> _queue;
    private readonly Dictionary<int, long> _next;
    private readonly TimeProvider _clock;

    internal FeedSubscription(AlertFeed feed, Dictionary<int, long> next, int queueLength, TimeProvider clock)
    {
        _feed = feed;
        _next = next;
        _clock = clock;
        _queue = Channel.CreateBounded<FeedEntry>(new BoundedChannelOptions(queueLength) { SingleReader = true, SingleWriter = true });
    }

    public StreamPosition Position => new(_next);

    /// <summary>The feed serves only resumes it holds every record for: never a gap.</summary>
    public IReadOnlyList<StreamGap> Gaps => [];

    public string? Unavailable => _feed.Unreachable;

    /// <summary>Queues an entry; false when the client is a whole queue behind (the feed then ends the subscription).</summary>
    internal bool Offer(FeedEntry entry) => _queue.Writer.TryWrite(entry);

    /// <summary>Ends the stream: it reads what is queued, then learns why.</summary>
    internal void End(string reason) => _queue.Writer.TryComplete(new AlertSourceEndedException(reason));

    public async ValueTask<AlertRecord?> NextAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        var healthChanged = _feed.HealthChanged;
        if (!_queue.Reader.TryRead(out var entry))
        {
            using var timeout = new CancellationTokenSource(wait, _clock);
            using var either = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, healthChanged, cancellationToken);
            bool open;
            try
            {
                open = await _queue.Reader.WaitToReadAsync(either.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return null;
            }
            catch (ChannelClosedException ex)
            {
                throw ex.InnerException as AlertSourceEndedException ?? new AlertSourceEndedException("The feed stopped.", ex);
            }

            if (!open)
            {
                throw new AlertSourceEndedException("The feed stopped.");
            }

            if (!_queue.Reader.TryRead(out entry))
            {
                return null;
            }
        }

        _next[entry.Partition] = entry.Offset + 1;
        return entry.Record;
    }

    public void Dispose()
    {
        _feed.Unsubscribe(this);
        _queue.Writer.TryComplete();
    }
}
