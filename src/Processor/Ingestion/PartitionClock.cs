namespace CowHealth.Processor.Ingestion;

/// <summary>
/// The event time of one readings partition (the newest measured-at stored from it) and the last
/// time each of its cows was heard. A cow's readings all come on her partition, in order, so when
/// the partition's clock has moved past her silence threshold she truly sent nothing in that time,
/// however far other partitions have got. The clock moves only with the partition's own records, so
/// a re-delivery after a crash finds the same silences at the same points as the first delivery.
/// </summary>
public sealed class PartitionClock
{
    private readonly Dictionary<string, HeardCow> _cows;
    private long _ticks;
    private long _scannedMinute;

    /// <param name="cows">The partition's cows as stored: id, farm and newest measured-at.</param>
    public PartitionClock(IEnumerable<(string CowId, string FarmId, DateTime LatestMeasuredAt)> cows)
    {
        _cows = new Dictionary<string, HeardCow>(StringComparer.Ordinal);
        foreach (var (cowId, farmId, latest) in cows)
        {
            _cows[cowId] = new HeardCow(farmId, latest.Ticks);
            _ticks = Math.Max(_ticks, latest.Ticks);
        }

        // The minute the stored clock stands in was scanned when the clock entered it.
        _scannedMinute = _ticks / TimeSpan.TicksPerMinute;
    }

    public IEnumerable<string> CowIds => _cows.Keys;

    /// <summary>
    /// The clock reaches <paramref name="measuredAt"/> (if later). When that starts a new minute,
    /// returns the time of the scan and the cows silent longer than their farm's threshold at it
    /// that were not noticed yet; otherwise no scan.
    /// </summary>
    public (DateTimeOffset At, List<string> Silent)? Advance(DateTimeOffset measuredAt, Func<string, long> silentForTicks)
    {
        _ticks = Math.Max(_ticks, measuredAt.UtcTicks);
        var minute = _ticks / TimeSpan.TicksPerMinute;
        if (minute <= _scannedMinute)
        {
            return null;
        }

        _scannedMinute = minute;
        var scanTicks = minute * TimeSpan.TicksPerMinute;
        var silent = new List<string>();
        foreach (var (cowId, cow) in _cows)
        {
            if (!cow.Noticed && scanTicks - cow.LastTicks > silentForTicks(cow.FarmId))
            {
                cow.Noticed = true;
                silent.Add(cowId);
            }
        }

        return (new DateTimeOffset(scanTicks, TimeSpan.Zero), silent);
    }

    /// <summary>A reading from the cow: she is heard again.</summary>
    public void Heard(string cowId, string farmId, DateTimeOffset measuredAt)
    {
        if (_cows.TryGetValue(cowId, out var cow))
        {
            if (measuredAt.UtcTicks > cow.LastTicks)
            {
                cow.LastTicks = measuredAt.UtcTicks;
                cow.Noticed = false;
            }
        }
        else
        {
            _cows[cowId] = new HeardCow(farmId, measuredAt.UtcTicks);
        }
    }

    private sealed class HeardCow(string farmId, long lastTicks)
    {
        public string FarmId { get; } = farmId;

        public long LastTicks { get; set; } = lastTicks;

        /// <summary>Her current silence has been handed to the detector.</summary>
        public bool Noticed { get; set; }
    }
}
