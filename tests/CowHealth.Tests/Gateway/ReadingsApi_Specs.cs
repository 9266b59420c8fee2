using System.Net;
using CowHealth.Contracts;
using CowHealth.Gateway.Readings;
using CowHealth.Storage;
using CowHealth.Tests.Infrastructure;
using CowHealth.Tests.Simulator;
using CowHealth.Tests.Storage;

namespace CowHealth.Tests.Gateway;

/// <summary>GET /api/cows/{cowId}/readings: raw readings and the database's hourly and daily aggregates, on both providers.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ReadingsApi_Specs(ThrowawayPostgres postgres)
{
    private static readonly DateTimeOffset Start = new(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);
    private readonly StorageProviders _providers = new(postgres);
    private readonly SettableClock _clock = new(Start.AddDays(3));

    [Theory]
    [MemberData(nameof(StorageProviders.Both), MemberType = typeof(StorageProviders))]
    public async Task Raw_readings_of_a_window_come_back_oldest_first_from_inclusive_and_to_exclusive(StorageProvider provider)
    {
        await using var db = await _providers.NewDatabase(provider, "readings_raw");
        var readings = TwoDaysOf("cow-1").ToList();
        await new StoredHerd(db, _clock).Store([.. readings, .. TwoDaysOf("cow-2")]);
        await using var gateway = await GatewayHost.StartAsync(db, _clock);

        var from = Start.AddHours(1);
        var view = await gateway.Get<CowReadingsView>($"/api/cows/cow-1/readings?from={Q(from)}&to={Q(from.AddHours(2))}");

        Assert.Equal(ReadingResolution.Raw, view.Resolution);
        Assert.Null(view.Buckets);
        var expected = readings.Where(r => r.MeasuredAt >= from && r.MeasuredAt < from.AddHours(2)).ToList();
        Assert.Equal(12, expected.Count);
        Assert.Equal(
            expected.Select(r => new ReadingView(r.ReadingId, r.MeasuredAt, r.RumenTemperatureCelsius, r.ActivityIndex, r.RuminationMinutes, r.WaterIntakeLitres, r.RumenPh)),
            view.Readings!);
    }

    [Theory]
    [MemberData(nameof(StorageProviders.Both), MemberType = typeof(StorageProviders))]
    public async Task Hourly_buckets_hold_the_minimum_mean_and_maximum_of_each_measure_of_the_hour(StorageProvider provider)
    {
        await using var db = await _providers.NewDatabase(provider, "readings_hourly");
        var readings = TwoDaysOf("cow-1").ToList();
        await new StoredHerd(db, _clock).Store(readings);
        await using var gateway = await GatewayHost.StartAsync(db, _clock);

        var from = Start.AddHours(5);
        var view = await gateway.Get<CowReadingsView>($"/api/cows/cow-1/readings?from={Q(from)}&to={Q(from.AddHours(24))}&resolution=Hourly");

        Assert.Null(view.Readings);
        Assert.Equal(24, view.Buckets!.Count);
        Assert.Equal(Enumerable.Range(0, 24).Select(h => from.AddHours(h)), view.Buckets!.Select(b => b.Start));
        foreach (var bucket in view.Buckets!)
        {
            AssertSummarises(readings.Where(r => r.MeasuredAt >= bucket.Start && r.MeasuredAt < bucket.Start.AddHours(1)).ToList(), bucket);
        }
    }

    [Theory]
    [MemberData(nameof(StorageProviders.Both), MemberType = typeof(StorageProviders))]
    public async Task Daily_buckets_follow_the_utc_day_and_a_window_cut_inside_a_day_counts_only_its_part(StorageProvider provider)
    {
        await using var db = await _providers.NewDatabase(provider, "readings_daily");
        var readings = TwoDaysOf("cow-1").ToList();
        await new StoredHerd(db, _clock).Store(readings);
        await using var gateway = await GatewayHost.StartAsync(db, _clock);

        var from = Start.AddHours(18);
        var to = Start.AddDays(3);
        var view = await gateway.Get<CowReadingsView>($"/api/cows/cow-1/readings?from={Q(from)}&to={Q(to)}&resolution=daily");

        Assert.Equal([Start, Start.AddDays(1)], view.Buckets!.Select(b => b.Start));
        Assert.Equal([36, 144], view.Buckets!.Select(b => b.Readings));
        AssertSummarises(readings.Where(r => r.MeasuredAt >= from && r.MeasuredAt < Start.AddDays(1)).ToList(), view.Buckets![0]);
        AssertSummarises(readings.Where(r => r.MeasuredAt >= Start.AddDays(1)).ToList(), view.Buckets![1]);
    }

    [Theory]
    [MemberData(nameof(StorageProviders.Both), MemberType = typeof(StorageProviders))]
    public async Task Measures_no_reading_of_a_bucket_had_are_null_and_hours_without_readings_have_no_bucket(StorageProvider provider)
    {
        await using var db = await _providers.NewDatabase(provider, "readings_gaps");
        // A bolus without pH or litres, silent between 02:00 and 04:00.
        await new StoredHerd(db, _clock).Store(Enumerable.Range(0, 36)
            .Where(i => i < 12 || i >= 24)
            .Select(i => StoredHerd.Reading("cow-1", "F1", Start + (i * Interval))));
        await using var gateway = await GatewayHost.StartAsync(db, _clock);

        var view = await gateway.Get<CowReadingsView>($"/api/cows/cow-1/readings?from={Q(Start)}&to={Q(Start.AddHours(6))}&resolution=Hourly");

        Assert.Equal([0, 1, 4, 5], view.Buckets!.Select(b => b.Start.Hour));
        Assert.All(view.Buckets!, b => Assert.Null(b.RumenPh));
        Assert.All(view.Buckets!, b => Assert.Null(b.WaterIntakeLitres));
    }

    [Fact]
    public async Task A_cow_with_no_reading_in_the_window_gets_an_empty_list_and_an_unknown_cow_a_404()
    {
        await using var db = await _providers.NewDatabase(StorageProvider.Postgres, "readings_none");
        await new StoredHerd(db, _clock).Store(TwoDaysOf("cow-1"));
        await using var gateway = await GatewayHost.StartAsync(db, _clock);
        var window = $"from={Q(Start.AddDays(10))}&to={Q(Start.AddDays(11))}";

        var empty = await gateway.Get<CowReadingsView>($"/api/cows/cow-1/readings?{window}");
        var unknown = await gateway.Problem($"/api/cows/cow-9/readings?{window}", HttpStatusCode.NotFound);

        Assert.Empty(empty.Readings!);
        Assert.Contains("cow-9", unknown.Detail);
    }

    [Fact]
    public async Task The_longest_window_follows_the_resolution_and_its_setting()
    {
        await using var db = await _providers.NewDatabase(StorageProvider.Postgres, "readings_span");
        await new StoredHerd(db, _clock).Store(TwoDaysOf("cow-1"));
        await using var gateway = await GatewayHost.StartAsync(db, _clock, new Dictionary<string, string> { ["Gateway:Readings:MaxHourlySpan"] = "2.00:00:00" });
        var url = (int hours, string resolution) => $"/api/cows/cow-1/readings?from={Q(Start)}&to={Q(Start.AddHours(hours))}&resolution={resolution}";

        await gateway.Get<CowReadingsView>(url(24 * 7, "Raw"));
        await gateway.Get<CowReadingsView>(url(48, "Hourly"));
        var tooLongRaw = await gateway.Problem(url((24 * 7) + 1, "Raw"), HttpStatusCode.BadRequest);
        var tooLongHourly = await gateway.Problem(url(49, "Hourly"), HttpStatusCode.BadRequest);

        Assert.Contains("7 days", tooLongRaw.Errors!["to"].Single());
        Assert.Contains("2 days", tooLongHourly.Errors!["to"].Single());
    }

    /// <summary>Two days of readings every 10 minutes, with every measure varying and pH and litres on some readings only.</summary>
    private static IEnumerable<SensorReading> TwoDaysOf(string cowId) =>
        Enumerable.Range(0, 288).Select(i => new SensorReading(
            Guid.NewGuid(), cowId, "F1", "S-" + cowId, Start + (i * Interval),
            38.5 + (i * 37 % 11 * 0.07), 0.8 + (i * 13 % 7 * 0.3), 2 + (i % 9),
            i % 3 == 0 ? i % 5 * 2.5 : null, i % 4 == 0 ? 6.0 + (i % 6 * 0.05) : null));

    private static void AssertSummarises(List<SensorReading> readings, ReadingBucketView bucket)
    {
        Assert.Equal(readings.Count, bucket.Readings);
        AssertRange(readings.Select(r => (double?)r.RumenTemperatureCelsius), bucket.RumenTemperatureCelsius);
        AssertRange(readings.Select(r => (double?)r.ActivityIndex), bucket.ActivityIndex);
        AssertRange(readings.Select(r => (double?)r.RuminationMinutes), bucket.RuminationMinutes);
        AssertRange(readings.Select(r => r.WaterIntakeLitres), bucket.WaterIntakeLitres);
        AssertRange(readings.Select(r => r.RumenPh), bucket.RumenPh);
    }

    private static void AssertRange(IEnumerable<double?> values, MeasureRange? range)
    {
        var present = values.OfType<double>().ToList();
        if (present.Count == 0)
        {
            Assert.Null(range);
            return;
        }

        Assert.NotNull(range);
        Assert.Equal(present.Min(), range.Min, 9);
        Assert.Equal(present.Average(), range.Mean, 9);
        Assert.Equal(present.Max(), range.Max, 9);
    }

    private static string Q(DateTimeOffset time) => Uri.EscapeDataString(time.ToString("yyyy-MM-ddTHH:mm:ssK"));
}
