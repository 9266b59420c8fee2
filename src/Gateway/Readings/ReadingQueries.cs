using CowHealth.Storage;
using Microsoft.EntityFrameworkCore;

namespace CowHealth.Gateway.Readings;

/// <summary>
/// A cow's readings in a window, raw or summarised per hour or day by the database. Every query is
/// a range of the readings' primary key (cow, measured-at), so its cost follows the window, not the table.
/// </summary>
public static class ReadingQueries
{
    public static IQueryable<Reading> InWindow(CowHealthDb db, string cowId, DateTime from, DateTime to) =>
        db.Readings.AsNoTracking().Where(r => r.CowId == cowId && r.MeasuredAt >= from && r.MeasuredAt < to);

    /// <summary>Only the columns the answer shows, straight into the view: no entity per reading.</summary>
    public static IQueryable<ReadingView> Raw(CowHealthDb db, string cowId, DateTime from, DateTime to) =>
        InWindow(db, cowId, from, to)
            .OrderBy(r => r.MeasuredAt)
            .Select(r => new ReadingView(r.ReadingId, new DateTimeOffset(r.MeasuredAt, TimeSpan.Zero), r.RumenTemperatureCelsius,
                r.ActivityIndex, r.RuminationMinutes, r.WaterIntakeLitres, r.RumenPh));

    /// <summary>
    /// Grouped on the calendar parts of the UTC time, which both providers translate (PostgreSQL's
    /// <c>date_part</c>, SQLite's <c>strftime</c>); the hour is a constant 0 for days.
    /// </summary>
    public static IQueryable<ReadingBucket> Buckets(CowHealthDb db, string cowId, DateTime from, DateTime to, ReadingResolution resolution)
    {
        var readings = InWindow(db, cowId, from, to);
        var groups = resolution == ReadingResolution.Hourly
            ? readings.GroupBy(r => new BucketKey { Year = r.MeasuredAt.Year, Month = r.MeasuredAt.Month, Day = r.MeasuredAt.Day, Hour = r.MeasuredAt.Hour })
            : readings.GroupBy(r => new BucketKey { Year = r.MeasuredAt.Year, Month = r.MeasuredAt.Month, Day = r.MeasuredAt.Day, Hour = 0 });
        return groups
            .Select(g => new ReadingBucket
            {
                Year = g.Key.Year,
                Month = g.Key.Month,
                Day = g.Key.Day,
                Hour = g.Key.Hour,
                Readings = g.Count(),
                TemperatureMin = g.Min(r => r.RumenTemperatureCelsius),
                TemperatureMean = g.Average(r => r.RumenTemperatureCelsius),
                TemperatureMax = g.Max(r => r.RumenTemperatureCelsius),
                ActivityMin = g.Min(r => r.ActivityIndex),
                ActivityMean = g.Average(r => r.ActivityIndex),
                ActivityMax = g.Max(r => r.ActivityIndex),
                RuminationMin = g.Min(r => r.RuminationMinutes),
                RuminationMean = g.Average(r => r.RuminationMinutes),
                RuminationMax = g.Max(r => r.RuminationMinutes),
                WaterMin = g.Min(r => r.WaterIntakeLitres),
                WaterMean = g.Average(r => r.WaterIntakeLitres),
                WaterMax = g.Max(r => r.WaterIntakeLitres),
                PhMin = g.Min(r => r.RumenPh),
                PhMean = g.Average(r => r.RumenPh),
                PhMax = g.Max(r => r.RumenPh),
            })
            .OrderBy(b => b.Year).ThenBy(b => b.Month).ThenBy(b => b.Day).ThenBy(b => b.Hour);
    }

    public sealed class BucketKey
    {
        public int Year { get; init; }

        public int Month { get; init; }

        public int Day { get; init; }

        public int Hour { get; init; }
    }
}

/// <summary>One bucket as the database returns it.</summary>
public sealed class ReadingBucket
{
    public int Year { get; init; }

    public int Month { get; init; }

    public int Day { get; init; }

    public int Hour { get; init; }

    public int Readings { get; init; }

    public double TemperatureMin { get; init; }

    public double TemperatureMean { get; init; }

    public double TemperatureMax { get; init; }

    public double ActivityMin { get; init; }

    public double ActivityMean { get; init; }

    public double ActivityMax { get; init; }

    public double RuminationMin { get; init; }

    public double RuminationMean { get; init; }

    public double RuminationMax { get; init; }

    public double? WaterMin { get; init; }

    public double? WaterMean { get; init; }

    public double? WaterMax { get; init; }

    public double? PhMin { get; init; }

    public double? PhMean { get; init; }

    public double? PhMax { get; init; }

    public ReadingBucketView ToView() => new(
        new DateTimeOffset(Year, Month, Day, Hour, 0, 0, TimeSpan.Zero),
        Readings,
        new MeasureRange(TemperatureMin, TemperatureMean, TemperatureMax),
        new MeasureRange(ActivityMin, ActivityMean, ActivityMax),
        new MeasureRange(RuminationMin, RuminationMean, RuminationMax),
        MeasureRange.Of(WaterMin, WaterMean, WaterMax),
        MeasureRange.Of(PhMin, PhMean, PhMax));
}
