using CowHealth.Contracts;

namespace CowHealth.Tests.KafkaRider;

/// <summary>Builds readings whose measured-at counts up per cow, so order can be checked.</summary>
public static class Readings
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static SensorReading For(string cowId, int sequence) => new(
        Guid.NewGuid(), cowId, "F01", "S-" + cowId, Start.AddMinutes(10 * sequence), 39.0, 1.0, 5.0, null, null);

    public static List<SensorReading> Herd(int cows, int perCow) =>
        Enumerable.Range(0, perCow)
            .SelectMany(sequence => Enumerable.Range(0, cows).Select(cow => For($"cow-{cow:D3}", sequence)))
            .ToList();

    public static int Sequence(SensorReading reading) => (int)((reading.MeasuredAt - Start).TotalMinutes / 10);
}
