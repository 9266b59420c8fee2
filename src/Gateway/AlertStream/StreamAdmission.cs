using Microsoft.Extensions.Options;

namespace CowHealth.Gateway.AlertStream;

/// <summary>
/// Counts the open live streams against their limits: all of them (<c>Gateway:AlertStream:MaxStreams</c>),
/// each client's (<c>MaxStreamsPerClient</c>), and those with a Kafka reader of their own
/// (<c>MaxCatchUpStreams</c>). A place is held by a ticket the request disposes when it ends.
/// </summary>
public sealed class StreamAdmission(IOptions<AlertStreamOptions> options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _byClient = new(StringComparer.Ordinal);
    private int _open;
    private int _catchUp;

    /// <summary>A place for a stream of <paramref name="client"/>, or why there is none.</summary>
    public (IDisposable? Ticket, StreamRefusal Refusal) Admit(string client)
    {
        lock (_gate)
        {
            if (_open >= options.Value.MaxStreams)
            {
                return (null, StreamRefusal.TooManyStreams);
            }

            var mine = _byClient.GetValueOrDefault(client);
            if (mine >= options.Value.MaxStreamsPerClient)
            {
                return (null, StreamRefusal.TooManyForClient);
            }

            _open++;
            _byClient[client] = mine + 1;
            return (new Ticket(() => Release(client)), StreamRefusal.None);
        }
    }

    /// <summary>A place for a stream that needs a Kafka reader of its own, or null.</summary>
    public IDisposable? AdmitCatchUp()
    {
        lock (_gate)
        {
            if (_catchUp >= options.Value.MaxCatchUpStreams)
            {
                return null;
            }

            _catchUp++;
            return new Ticket(() =>
            {
                lock (_gate)
                {
                    _catchUp--;
                }
            });
        }
    }

    private void Release(string client)
    {
        lock (_gate)
        {
            _open--;
            if (--_byClient[client] == 0)
            {
                _byClient.Remove(client);
            }
        }
    }

    private sealed class Ticket(Action release) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                release();
            }
        }
    }
}
