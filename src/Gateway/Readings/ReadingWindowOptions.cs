using System.ComponentModel.DataAnnotations;

namespace CowHealth.Gateway.Readings;

/// <summary>Section <c>Gateway:Readings</c>: the longest window one request for a cow's readings may span, per resolution.</summary>
public sealed class ReadingWindowOptions
{
    public const string Section = "Gateway:Readings";

    /// <summary>Raw readings: a week (about 1,000 readings at 10-minute intervals). Default 7 days.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "31.00:00:00")]
    public TimeSpan MaxRawSpan { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Hourly aggregates: a month (744 hours). Default 31 days.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "366.00:00:00")]
    public TimeSpan MaxHourlySpan { get; set; } = TimeSpan.FromDays(31);

    /// <summary>Daily aggregates: a year and a day (a lactation and the dry period). Default 366 days.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3660.00:00:00")]
    public TimeSpan MaxDailySpan { get; set; } = TimeSpan.FromDays(366);

    public TimeSpan MaxSpan(ReadingResolution resolution) => resolution switch
    {
        ReadingResolution.Hourly => MaxHourlySpan,
        ReadingResolution.Daily => MaxDailySpan,
        _ => MaxRawSpan,
    };
}
