namespace CowHealth.Processor.Detection;

/// <summary>
/// One farm: its rules, and its cows for the silence scan. A scan runs at most once per minute of
/// the farm's event time, so calling <see cref="CheckSilence"/> after every batch stays cheap.
/// </summary>
internal sealed class HerdFarm(string farmId, FarmRules rules)
{
    // A set, so a forgotten cow leaves in O(1); iteration order does not matter to a scan.
    private readonly HashSet<TrackedCow> _cows = new(ReferenceEqualityComparer.Instance);
    private readonly Lock _gate = new();
    private long _lastScannedMinute = long.MinValue;

    public string FarmId { get; } = farmId;

    public FarmRules Rules { get; } = rules;

    public void Add(TrackedCow cow)
    {
        lock (_gate)
        {
            _cows.Add(cow);
        }
    }

    public void Remove(TrackedCow cow)
    {
        lock (_gate)
        {
            _cows.Remove(cow);
        }
    }

    public IReadOnlyList<ConditionChange> CheckSilence(long farmTicks)
    {
        lock (_gate)
        {
            var minute = farmTicks / TimeSpan.TicksPerMinute;
            if (minute <= _lastScannedMinute)
            {
                return [];
            }

            _lastScannedMinute = minute;
            List<ConditionChange>? changes = null;
            foreach (var cow in _cows)
            {
                // Most cows spoke recently: decided without taking the cow's lock.
                if (!Rules.Offline.IsSilent(cow.LastTicks, farmTicks))
                {
                    continue;
                }

                ConditionChange? change;
                lock (cow)
                {
                    change = cow.NoticeSilence(farmTicks);
                }

                if (change is not null)
                {
                    (changes ??= []).Add(change);
                }
            }

            return changes is null ? Array.Empty<ConditionChange>() : changes;
        }
    }
}
