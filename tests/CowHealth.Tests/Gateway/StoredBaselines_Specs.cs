using CowHealth.Contracts;
using CowHealth.Gateway.Cows;
using CowHealth.Processor.Ingestion;
using CowHealth.Storage;
using CowHealth.Storage.Detection;
using CowHealth.Tests.Detection;
using CowHealth.Tests.Infrastructure;
using CowHealth.Tests.Simulator;
using CowHealth.Tests.Storage;

namespace CowHealth.Tests.Gateway;

/// <summary>
/// A cow's baselines in GET /api/cows/{cowId} are the ones the Processor's detector learned and
/// saved: fed through the real detector and its state store, read back through the API.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class StoredBaselines_Specs(ThrowawayPostgres postgres)
{
    private static readonly DateTimeOffset Start = new(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly StorageProviders _providers = new(postgres);
    private readonly SettableClock _clock = new(Start.AddDays(2));

    [Fact]
    public async Task A_warm_cow_shows_for_every_hour_of_the_day_the_normal_her_alerts_are_judged_against()
    {
        await using var db = await _providers.NewDatabase(StorageProvider.Postgres, "baselines_warm");
        var last = await LearnAndSave(db, "daisy", TimeSpan.FromDays(2));
        await using var gateway = await GatewayHost.StartAsync(db, _clock);

        var baselines = (await gateway.Get<CowDetailView>("/api/cows/daisy")).Baselines;

        Assert.NotNull(baselines);
        Assert.True(baselines.Warm);
        Assert.Equal(last, baselines.LearnedUntil);
        Assert.Equal(Enumerable.Range(0, 24), baselines.Hours.Select(h => h.HourUtc));
        foreach (var hour in baselines.Hours)
        {
            Assert.Equal(Temperature(hour.HourUtc), hour.RumenTemperatureCelsius!.Value, 3);
            Assert.Equal(Activity(hour.HourUtc), hour.ActivityIndex!.Value, 3);
            Assert.Equal(Rumination(hour.HourUtc), hour.RuminationMinutes!.Value, 3);
            // Her bolus estimates no litres: detection counts drinking cycles, and she never drank.
            Assert.Null(hour.WaterIntakeLitres);
            Assert.Equal(0, hour.DrinkingCycles);
        }

        Assert.Equal(6.3, baselines.RumenPh!.Value, 3);
    }

    [Fact]
    public async Task A_cow_still_warming_up_shows_the_hours_seen_so_far_and_nothing_for_the_others()
    {
        await using var db = await _providers.NewDatabase(StorageProvider.Postgres, "baselines_cold");
        await LearnAndSave(db, "bella", TimeSpan.FromHours(5));
        await using var gateway = await GatewayHost.StartAsync(db, _clock);

        var baselines = (await gateway.Get<CowDetailView>("/api/cows/bella")).Baselines;

        Assert.NotNull(baselines);
        Assert.False(baselines.Warm);
        Assert.Equal(Enumerable.Range(0, 5).Select(h => (double?)Math.Round(Temperature(h), 3)),
            baselines.Hours.Take(5).Select(h => h.RumenTemperatureCelsius is { } t ? Math.Round(t, 3) : (double?)null));
        Assert.All(baselines.Hours.Skip(5), h => Assert.Null(h.RumenTemperatureCelsius));
        Assert.All(baselines.Hours.Skip(5), h => Assert.Null(h.ActivityIndex));
    }

    [Fact]
    public async Task A_detection_state_in_a_format_this_gateway_does_not_read_shows_no_baselines_rather_than_an_error()
    {
        await using var db = await _providers.NewDatabase(StorageProvider.Postgres, "baselines_unknown");
        await new StoredHerd(db, _clock).Store(StoredHerd.Reading("molly", "F1", Start));
        db.DetectionStates.Add(new CowDetectionState
        {
            CowId = "molly",
            LastMeasuredAt = Start.UtcDateTime,
            SnapshotJson = """{"CowId":"molly","FarmId":"F1","LastMeasuredAt":"2026-04-01T00:00:00+00:00","FormatVersion":99,"State":"AAEC"}""",
        });
        await db.SaveChangesAsync();
        await using var gateway = await GatewayHost.StartAsync(db, _clock);

        var molly = await gateway.Get<CowDetailView>("/api/cows/molly");

        Assert.Equal("molly", molly.CowId);
        Assert.Null(molly.Baselines);
    }

    /// <summary>
    /// Readings every 10 minutes whose every measure has its own value for each hour of the day, through
    /// the detector; then the state store saves her state as the Processor does after a batch.
    /// </summary>
    private async Task<DateTimeOffset> LearnAndSave(CowHealthDb db, string cowId, TimeSpan span)
    {
        var readings = new List<SensorReading>();
        for (var at = Start; at < Start + span; at += TimeSpan.FromMinutes(10))
        {
            readings.Add(new SensorReading(Guid.NewGuid(), cowId, "F1", "S-" + cowId, at,
                Temperature(at.Hour), Activity(at.Hour), Rumination(at.Hour), WaterIntakeLitres: null, RumenPh: 6.3));
        }

        var detector = Detectors.New();
        var changes = detector.Run(readings);
        Assert.True(changes.Count == 0, "a steady cow raises nothing: " + changes.Describe());
        await new StoredHerd(db, _clock).Store(readings);
        var last = readings[^1].MeasuredAt;
        await new DetectionStateStore(detector).SaveDue(db, [(cowId, last)], new HashSet<string>(), CancellationToken.None);
        await db.SaveChangesAsync();
        return last;
    }

    // Small steps between hours, so no change from one reading to the next looks like a drink or a fever.
    private static double Temperature(int hour) => 38.6 + (hour * 0.02);

    private static double Activity(int hour) => 0.8 + (hour * 0.05);

    private static double Rumination(int hour) => 3 + (hour * 0.1);
}
