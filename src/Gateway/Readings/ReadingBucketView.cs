namespace CowHealth.Gateway.Readings;

/// <summary>
/// The readings of one hour or day (UTC), summarised by the database. The first and last buckets
/// of a window that does not start or end on the bucket's boundary hold only the part inside it.
/// </summary>
/// <param name="Start">Start of the hour or day.</param>
/// <param name="Readings">How many readings the bucket holds.</param>
public sealed record ReadingBucketView(
    DateTimeOffset Start,
    int Readings,
    MeasureRange RumenTemperatureCelsius,
    MeasureRange ActivityIndex,
    MeasureRange RuminationMinutes,
    MeasureRange? WaterIntakeLitres,
    MeasureRange? RumenPh);
