using CowHealth.Storage;

namespace CowHealth.Gateway.Cows;

/// <summary>A cow as the API shows her.</summary>
public sealed record CowView(string CowId, string FarmId, string SensorId, DateTimeOffset FirstSeenAt, ReadingView LatestReading)
{
    public static CowView From(Cow cow) => new(
        cow.CowId,
        cow.FarmId,
        cow.SensorId,
        new DateTimeOffset(cow.FirstSeenAt, TimeSpan.Zero),
        new ReadingView(
            cow.LatestReadingId,
            new DateTimeOffset(cow.LatestMeasuredAt, TimeSpan.Zero),
            cow.LatestRumenTemperatureCelsius,
            cow.LatestActivityIndex,
            cow.LatestRuminationMinutes,
            cow.LatestWaterIntakeLitres,
            cow.LatestRumenPh));
}
