using CowHealth.Contracts;
using CowHealth.Simulator.FakeApi;
using Microsoft.Extensions.Options;

namespace CowHealth.Simulator.Publishing;

/// <summary>
/// The readings the broker acknowledged most recently, in the order they were sent, for pollers of
/// the Fake API. A fixed-size ring: each reading gets a position (1, 2, ...) that a poller passes
/// back as <c>since</c>; positions older than the ring are gone and counted as missed.
/// </summary>
public sealed class RecentReadings(IOptions<FakeApiOptions> options)
{
    private readonly Lock _gate = new();
    private readonly SensorReading[] _ring = new SensorReading[options.Value.RecentReadingsKept];
    private long _newest; // position of the newest reading; 0 before any

    public void Append(IReadOnlyList<SensorReading> readings)
    {
        lock (_gate)
        {
            foreach (var reading in readings)
            {
                _newest++;
                _ring[_newest % _ring.Length] = reading;
            }
        }
    }

    /// <summary>Up to <paramref name="limit"/> readings after position <paramref name="since"/>, oldest first.</summary>
    public ReadingsPage After(long since, int limit)
    {
        lock (_gate)
        {
            return AfterPosition(since, limit);
        }
    }

    /// <summary>Up to <paramref name="limit"/> readings measured after <paramref name="since"/>, oldest first.</summary>
    public ReadingsPage MeasuredAfter(DateTimeOffset since, int limit)
    {
        lock (_gate)
        {
            // Intervals are acknowledged in order, so measured-at times rise with position.
            var position = Math.Max(1, _newest - _ring.Length + 1);
            while (position <= _newest && _ring[position % _ring.Length].MeasuredAt <= since)
            {
                position++;
            }

            return AfterPosition(position - 1, limit) with { Missed = 0 };
        }
    }

    private ReadingsPage AfterPosition(long since, int limit)
    {
        var oldestKept = Math.Max(1, _newest - _ring.Length + 1);
        var first = Math.Max(since + 1, oldestKept);
        var missed = Math.Max(0, oldestKept - (since + 1));
        var count = (int)Math.Clamp(_newest - first + 1, 0, limit);
        var page = new SensorReading[count];
        for (var n = 0; n < count; n++)
        {
            page[n] = _ring[(first + n) % _ring.Length];
        }

        // A poller ahead of the newest position (the simulator restarted) is brought back to it.
        return new ReadingsPage(page, count == 0 ? Math.Min(Math.Max(since, first - 1), _newest) : first + count - 1, missed);
    }
}
