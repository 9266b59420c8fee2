using System.Runtime.CompilerServices;

namespace CowHealth.Processor.Detection.Baselines;

/// <summary>
/// A cow's own normal of one measure for each hour of the day (UTC; only the cow's own rhythm
/// matters, not the clock's), learned online: a plain mean while she warms up, then an
/// exponentially weighted one. 24 numbers and 24 counts, however long the cow is watched.
/// </summary>
internal struct HourlyBaseline
{
    private HourValues _means;
    private HourCounts _counts;

    /// <summary>
    /// Her normal for <paramref name="hour"/>; for an hour not learned yet, read between the nearest
    /// learned hours on either side (her daily rhythm is smooth, and an hour left out while she was
    /// ill is usually one of a few in a row), NaN if none is learned.
    /// </summary>
    public readonly double Expected(int hour)
    {
        if (_counts[hour] > 0)
        {
            return _means[hour];
        }

        int before = -1, after = -1;
        for (var step = 1; step < HoursPerDay && (before < 0 || after < 0); step++)
        {
            if (before < 0 && _counts[(hour - step + HoursPerDay) % HoursPerDay] > 0)
            {
                before = step;
            }

            if (after < 0 && _counts[(hour + step) % HoursPerDay] > 0)
            {
                after = step;
            }
        }

        if (before < 0)
        {
            return double.NaN;
        }

        var low = _means[(hour - before + HoursPerDay) % HoursPerDay];
        var high = _means[(hour + after) % HoursPerDay];
        return low + ((high - low) * before / (double)(before + after));
    }

    /// <summary>
    /// Folds <paramref name="value"/> into <paramref name="hour"/>'s normal: a plain mean while the cow
    /// warms up, then with <paramref name="weight"/> (the learning rate for this reading's share of the
    /// hour). Once she is <paramref name="warm"/> her normal must move at its steady pace: a plain mean
    /// of a few days would swallow a third of a one-day calving drop.
    /// </summary>
    public void Learn(int hour, double value, double weight, bool warm)
    {
        var count = _counts[hour];
        if (count < byte.MaxValue)
        {
            count++;
            _counts[hour] = count;
        }

        var plainMean = 1.0 / count;
        var applied = count == 1 ? 1.0 : warm ? weight : Math.Max(plainMean, weight);
        _means[hour] += (float)(applied * (value - _means[hour]));
    }

    /// <summary>
    /// Writes the normals and, while the cow warms up, the counts. Once she is <paramref name="warm"/>
    /// a count only tells whether the hour has a normal at all, so 3 bytes of flags replace 24 counts.
    /// </summary>
    public readonly void Write(ref SnapshotWriter writer, bool warm)
    {
        for (var h = 0; h < HoursPerDay; h++)
        {
            writer.Single(_means[h]);
        }

        if (warm)
        {
            var seen = 0;
            for (var h = 0; h < HoursPerDay; h++)
            {
                seen |= _counts[h] > 0 ? 1 << h : 0;
            }

            writer.Byte((byte)seen);
            writer.Byte((byte)(seen >> 8));
            writer.Byte((byte)(seen >> 16));
            return;
        }

        for (var h = 0; h < HoursPerDay; h++)
        {
            writer.Byte(_counts[h]);
        }
    }

    public void Read(ref SnapshotReader reader, bool warm)
    {
        for (var h = 0; h < HoursPerDay; h++)
        {
            _means[h] = reader.Single();
        }

        if (warm)
        {
            var seen = reader.Byte() | (reader.Byte() << 8) | (reader.Byte() << 16);
            for (var h = 0; h < HoursPerDay; h++)
            {
                // Any count above one learns alike once she is warm.
                _counts[h] = (seen & (1 << h)) != 0 ? (byte)2 : (byte)0;
            }

            return;
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
