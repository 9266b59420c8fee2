namespace CowHealth.Gateway.Readings;

/// <summary>
/// A cow's readings in the window [<paramref name="From"/>, <paramref name="To"/>), oldest first:
/// <paramref name="Readings"/> at <c>Raw</c> resolution, <paramref name="Buckets"/> otherwise (the other is null).
/// Hours and days without a reading have no bucket.
/// </summary>
public sealed record CowReadingsView(
    string CowId,
    DateTimeOffset From,
    DateTimeOffset To,
    ReadingResolution Resolution,
    IReadOnlyList<ReadingView>? Readings,
    IReadOnlyList<ReadingBucketView>? Buckets);
