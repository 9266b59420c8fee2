using CowHealth.Storage;

namespace CowHealth.Gateway.Readings;

/// <summary>One reading as the API shows it; units are in the names.</summary>
public sealed record ReadingView(
    Guid ReadingId,
    DateTimeOffset MeasuredAt,
    double RumenTemperatureCelsius,
    double ActivityIndex,
    double RuminationMinutes,
    double? WaterIntakeLitres,
    double? RumenPh)
{
    public static ReadingView LatestOf(Cow cow) => new(
        cow.LatestReadingId,
        new DateTimeOffset(cow.LatestMeasuredAt, TimeSpan.Zero),
        cow.LatestRumenTemperatureCelsius,
        cow.LatestActivityIndex,
        cow.LatestRuminationMinutes,
        cow.LatestWaterIntakeLitres,
        cow.LatestRumenPh);
}
