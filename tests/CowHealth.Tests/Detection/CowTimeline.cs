using CowHealth.Contracts;

namespace CowHealth.Tests.Detection;

/// <summary>
/// Builds one cow's bolus readings, every ten minutes from <see cref="Start"/>: a healthy cow with a
/// daily rhythm of temperature, activity and rumination, about ten drinks a day that each cool
/// the rumen by several degrees and warm back over an hour, and conditions laid over that with a
/// <see cref="Signature"/>. The same seed gives the same readings.
/// </summary>
public sealed class CowTimeline
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    // How much of a drink's cooling is left, reading by reading after it (a cold drink warms back over about an hour).
    private static readonly double[] DipRecovery = [1.0, 0.55, 0.3, 0.15, 0.06, 0.02];

    private readonly Random _noise;
    private readonly double _normalTemperature;
    private readonly double _normalActivity;
    private readonly double _normalRumination;
    private static readonly TimeSpan DrinkingGap = TimeSpan.FromHours(2.4);

    private DateTimeOffset _nextDrinkAt;
    private int _readingsSinceDrink = int.MaxValue;
    private double _lastDip;
    private Signature _previous = Signature.None;
    private DateTimeOffset _signatureSince = Start;

    public CowTimeline(string cowId = "F01-C0001", string farmId = "F01", int seed = 1, bool phBolus = false, bool reportsLitres = true)
    {
        CowId = cowId;
        FarmId = farmId;
        PhBolus = phBolus;
        ReportsLitres = reportsLitres;
        _noise = new Random(seed);
        _normalTemperature = 38.8 + (0.4 * _noise.NextDouble());
        _normalActivity = 0.9 + (0.2 * _noise.NextDouble());
        _normalRumination = 450 + (100 * _noise.NextDouble());
        _nextDrinkAt = Start + (DrinkingGap * _noise.NextDouble());
    }

    public string CowId { get; }

    public string FarmId { get; }

    public bool PhBolus { get; }

    public bool ReportsLitres { get; }

    /// <summary>Measured-at of the next reading.</summary>
    public DateTimeOffset Now { get; private set; } = Start;

    public List<SensorReading> Healthy(TimeSpan span) => Next(span, Signature.None);

    /// <summary>The readings of the next <paramref name="span"/> with <paramref name="signature"/> laid over her rhythm.</summary>
    public List<SensorReading> Next(TimeSpan span, Signature signature)
    {
        if (!ReferenceEquals(signature, _previous))
        {
            _previous = signature;
            _signatureSince = Now;
        }

        var readings = new List<SensorReading>();
        for (var end = Now + span; Now < end; Now += Interval)
        {
            readings.Add(ReadingAt(Now, signature));
        }

        return readings;
    }

    /// <summary>A reading at <paramref name="measuredAt"/> without moving the timeline (for out-of-order and re-delivery cases).</summary>
    public SensorReading OneReading(DateTimeOffset measuredAt, double temperatureCelsius) =>
        new(Guid.NewGuid(), CowId, FarmId, "B-" + CowId, measuredAt, temperatureCelsius, _normalActivity, 3.5, ReportsLitres ? 0 : null,
            PhBolus ? 6.3 : null);

    private SensorReading ReadingAt(DateTimeOffset at, Signature signature)
    {
        var hour = at.UtcDateTime.TimeOfDay.TotalHours;
        var feeding = Math.Exp(-Math.Pow(hour - 6, 2) / 2) + Math.Exp(-Math.Pow(hour - 17, 2) / 2);

        // Cows drink in bouts about every two and a half hours, more regularly than coin tosses would.
        var drinks = at >= _nextDrinkAt;
        var litres = drinks ? 8 + (6 * _noise.NextDouble()) : 0;
        if (drinks)
        {
            _nextDrinkAt = at + (DrinkingGap * (0.6 + (0.8 * _noise.NextDouble())) / signature.DrinkingFactor);
            _readingsSinceDrink = 0;
            _lastDip = signature.DrinkDipCelsius * (0.7 + (0.6 * _noise.NextDouble()));
        }
        else if (_readingsSinceDrink < int.MaxValue)
        {
            _readingsSinceDrink++;
        }

        var dip = _readingsSinceDrink < DipRecovery.Length ? _lastDip * DipRecovery[_readingsSinceDrink] : 0;
        var onset = signature.OnsetOver <= TimeSpan.Zero ? 1 : Math.Clamp((at - _signatureSince) / signature.OnsetOver, 0, 1);
        var temperature = signature.FixedTemperatureCelsius
            ?? _normalTemperature + (0.25 * Math.Sin(2 * Math.PI * (hour - 10) / 24)) + (0.05 * Gaussian())
                + (onset * signature.TemperatureOffsetCelsius) - dip;
        var activity = _normalActivity * (0.7 + (0.9 * feeding)) * (1 + (0.1 * Gaussian())) * signature.ActivityFactor;
        var rumination = _normalRumination / 144 * (1 + (0.4 * Math.Cos(2 * Math.PI * (hour - 2) / 24))) * (1 + (0.15 * Gaussian()))
            * signature.RuminationFactor;
        double? ph = PhBolus ? signature.Ph ?? 6.4 - (0.25 * feeding) + (0.05 * Gaussian()) : null;

        return new SensorReading(
            Guid.NewGuid(), CowId, FarmId, "B-" + CowId, at,
            Math.Round(temperature, 2),
            Math.Round(Math.Max(0, activity), 3),
            Math.Round(Math.Clamp(rumination, 0, Interval.TotalMinutes), 1),
            ReportsLitres ? Math.Round(litres, 1) : null,
            ph is null ? null : Math.Round(ph.Value, 2));
    }

    private double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - _noise.NextDouble())) * Math.Cos(2 * Math.PI * _noise.NextDouble());
}
