using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CowHealth.Gateway.AlertStream;

/// <summary>
/// Where a live stream stands on <c>cow-health-alerts</c>: for each partition, the offset of the
/// next record it has not yet sent. Each record on a partition is sent in offset order, so this
/// vector says exactly which records a client has had, whatever the interleaving of partitions.
/// It travels as the SSE <c>id</c>, e.g. <c>0:15,1:7,2:3</c>, and comes back in <c>Last-Event-ID</c>.
/// </summary>
public sealed class StreamPosition
{
    /// <summary>Longer than any honest position (a thousand partitions with 19-digit offsets fit in 22 kB; ours have a handful).</summary>
    public const int MaxLength = 4096;

    private readonly SortedDictionary<int, long> _next;

    public StreamPosition(IEnumerable<KeyValuePair<int, long>> nextOffsets) => _next = new SortedDictionary<int, long>(nextOffsets.ToDictionary());

    public IEnumerable<int> Partitions => _next.Keys;

    /// <summary>The next offset to send from <paramref name="partition"/>, or null when the position does not name it.</summary>
    public long? NextOffset(int partition) => _next.TryGetValue(partition, out var offset) ? offset : null;

    public override string ToString() =>
        string.Join(',', _next.Select(p => p.Key.ToString(CultureInfo.InvariantCulture) + ":" + p.Value.ToString(CultureInfo.InvariantCulture)));

    public static bool TryParse(string text, [NotNullWhen(true)] out StreamPosition? position, [NotNullWhen(false)] out string? error)
    {
        position = null;
        if (text.Length is 0 or > MaxLength)
        {
            error = $"A stream position is 1 to {MaxLength} characters long.";
            return false;
        }

        var next = new Dictionary<int, long>();
        foreach (var pair in text.Split(','))
        {
            var colon = pair.IndexOf(':');
            if (colon < 0
                || !int.TryParse(pair.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var partition)
                || !long.TryParse(pair.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                error = $"'{Shorten(pair)}' is not partition:offset; a stream position looks like 0:15,1:7,2:3, as the stream sent it.";
                return false;
            }

            if (!next.TryAdd(partition, offset))
            {
                error = $"Partition {partition} appears twice.";
                return false;
            }
        }

        position = new StreamPosition(next);
        error = null;
        return true;
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
