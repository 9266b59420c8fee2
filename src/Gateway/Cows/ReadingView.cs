namespace CowHealth.Gateway.Cows;

/// <summary>One reading as the API shows it; units are in the names.</summary>
public sealed record ReadingView(
    Guid ReadingId,
    DateTimeOffset MeasuredAt,
    double RumenTemperatureCelsius,
    double ActivityIndex,
    double RuminationMinutes,
    double? WaterIntakeLitres,
    double? RumenPh);
