using System.Collections.Concurrent;
using CowHealth.Contracts;

namespace CowHealth.Tests.KafkaRider;

/// <summary>What the test consumers saw, in the order they saw it, with a way to wait for it.</summary>
public sealed class ReceivedReadings
{
    private readonly ConcurrentQueue<(string Consumer, SensorReading Reading)> _received = new();
    private readonly ConcurrentDictionary<Guid, int> _distinct = new();
    private readonly ConcurrentDictionary<string, int> _perConsumer = new();
    private readonly object _gate = new();
    private (Func<ReceivedReadings, bool> Condition, TaskCompletionSource Done)? _waiter;

    public IReadOnlyList<(string Consumer, SensorReading Reading)> All => _received.ToList();

    public int DistinctCount => _distinct.Count;

    public int CountBy(string consumer) => _perConsumer.GetValueOrDefault(consumer);

    public bool Saw(Guid readingId) => _distinct.ContainsKey(readingId);

    /// <summary>How long the single-reading consumer works on each reading, so a test can stop it mid-stream.</summary>
    public TimeSpan WorkPerReading { get; set; }

    private volatile bool _dependencyAway;

    /// <summary>While set, every reading fails as a database that is away would fail it: transiently.</summary>
    public bool DependencyAway
    {
        get => _dependencyAway;
        set => _dependencyAway = value;
    }

    /// <summary>Readings whose handling the test wants to fail every time.</summary>
    public ConcurrentDictionary<Guid, bool> AlwaysFail { get; } = new();

    public void Add(string consumer, SensorReading reading)
    {
        _received.Enqueue((consumer, reading));
        _distinct.AddOrUpdate(reading.ReadingId, 1, (_, n) => n + 1);
        _perConsumer.AddOrUpdate(consumer, 1, (_, n) => n + 1);
        lock (_gate)
        {
            if (_waiter is { } waiter && waiter.Condition(this))
            {
                waiter.Done.TrySetResult();
            }
        }
    }

    public async Task WaitUntil(Func<ReceivedReadings, bool> condition, string waitingFor)
    {
        Task wait;
        lock (_gate)
        {
            if (condition(this))
            {
                return;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiter = (condition, done);
            wait = done.Task;
        }

        try
        {
            await wait.WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Waited 60 s for {waitingFor}; saw {DistinctCount} distinct readings.");
        }
    }
}
