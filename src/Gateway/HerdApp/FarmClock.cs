using System.Globalization;
using CowHealth.Gateway.Alerts;
using CowHealth.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CowHealth.Gateway.HerdApp;

/// <summary>
/// Shows times the way a farm reads them: in the farm's own time zone, and how long ago on the
/// Gateway's clock. Times themselves are event times (when the readings said so), never when a
/// page happened to be drawn.
/// </summary>
public sealed class FarmClock(IOptions<HerdAppOptions> options, TimeProvider clock)
{
    private readonly Dictionary<string, TimeZoneInfo> _zones = options.Value.FarmTimeZones
        .ToDictionary(f => f.Key, f => TimeZoneInfo.FindSystemTimeZoneById(f.Value), StringComparer.Ordinal);

    private readonly TimeZoneInfo _default = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>
    /// The herd's own "now": its newest reading's time (never past the Gateway's clock), or the clock
    /// when no cow has sent one. "How long ago" counts from here, so that a herd whose readings arrive
    /// late (a simulator catching up, a barn back online) reads as the farm lived it; on a herd that
    /// is up to date it is the clock, less a reading interval at most.
    /// </summary>
    public async Task<DateTimeOffset> AsOfAsync(CowHealthDb db, CancellationToken cancellationToken)
    {
        var newest = await db.Cows.MaxAsync(c => (DateTime?)c.LatestMeasuredAt, cancellationToken);
        return newest is { } latest && AlertView.Utc(latest) < Now ? AlertView.Utc(latest) : Now;
    }

    public TimeZoneInfo ZoneOf(string farmId) => _zones.GetValueOrDefault(farmId, _default);

    /// <summary>The farm's wall-clock time of an instant.</summary>
    public DateTime Local(string farmId, DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, ZoneOf(farmId)).DateTime;

    /// <summary>e.g. "Tue 3 Mar 14:20" in the farm's zone.</summary>
    public string Format(string farmId, DateTimeOffset at) =>
        Local(farmId, at).ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The zone's short name for a caption, e.g. "UTC" or "Europe/Dublin".</summary>
    public string ZoneName(string farmId) => ZoneOf(farmId).Id;

    /// <summary>"12 min ago", "5 h ago", "3 days ago" before <paramref name="asOf"/> (<see cref="AsOfAsync"/>); "just now" for less than a minute or a time after it.</summary>
    public static string Ago(DateTimeOffset at, DateTimeOffset asOf) => Describe(asOf - at);

    public static string Describe(TimeSpan elapsed) => elapsed switch
    {
        { TotalMinutes: < 1 } => "just now",
        { TotalHours: < 1 } => $"{(int)elapsed.TotalMinutes} min ago",
        { TotalHours: < 48 } => $"{(int)elapsed.TotalHours} h ago",
        _ => $"{(int)elapsed.TotalDays} days ago",
    };
}
