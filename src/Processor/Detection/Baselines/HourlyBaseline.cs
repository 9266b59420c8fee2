using System.Runtime.CompilerServices;

namespace CowHealth.Processor.Detection.Baselines;

/// <summary>
/// A cow's own normal of one measure for each hour of the day (UTC; only the cow's own rhythm
/// matters, not the clock's), learned online: a plain mean while an hour has few samples, then an
/// exponentially weighted one. 24 numbers and 24 counts, however long the cow is watched.
/// </summary>
internal struct HourlyBaseline
{
    private HourValues _means;
    private HourCounts _counts;

    /// <summary>Her normal for <paramref name="hour"/>; for an hour not seen yet, the mean of the hours seen (NaN if none).</summary>
    public readonly double Expected(int hour)
    {
        if (_counts[hour] > 0)
        {
            return _means[hour];
        }

        double sum = 0;
        var seen = 0;
        for (var h = 0; h < HoursPerDay; h++)
        {
            if (_counts[h] > 0)
            {
                sum += _means[h];
                seen++;
            }
        }

        return seen == 0 ? double.NaN : sum / seen;
    }

    /// <summary>
    /// Folds <paramref name="value"/> into <paramref name="hour"/>'s normal with at least
    /// <paramref name="minimumWeight"/> (the learning rate for this reading's share of the hour).
    /// </summary>
    public void Learn(int hour, double value, double minimumWeight)
    {
        var count = _counts[hour];
        if (count < byte.MaxValue)
        {
            count++;
            _counts[hour] = count;
        }

        var weight = Math.Max(1.0 / count, minimumWeight);
        _means[hour] += (float)(weight * (value - _means[hour]));
    }

    public readonly void Write(ref SnapshotWriter writer)
    {
        for (var h = 0; h < HoursPerDay; h++)
        {
            writer.Single(_means[h]);
        }

        for (var h = 0; h < HoursPerDay; h++)
        {
            writer.Byte(_counts[h]);
        }
    }

    public void Read(ref SnapshotReader reader)
    {
        for (var h = 0; h < HoursPerDay; h++)
        {
            _means[h] = reader.Single();
        }

        for (var h = 0; h < HoursPerDay; h++)
        {
            _counts[h] = reader.Byte();
        }
    }

    public const int HoursPerDay = 24;

    // Inline arrays keep the numbers inside the cow's object: no array headers, no pointers to chase.
    [InlineArray(HoursPerDay)]
    private struct HourValues
    {
        private float _element;
    }

    [InlineArray(HoursPerDay)]
    private struct HourCounts
    {
        private byte _element;
    }
}
