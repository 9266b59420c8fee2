namespace CowHealth.Processor.Detection.Rules;

/// <summary>
/// The stretch of event time that made a case: the run that raised a condition (with its mean
/// values), or the clear stretch that ended one (with the latest values).
/// </summary>
internal readonly record struct Episode(DateTimeOffset Start, DateTimeOffset End, double Observed, double Baseline, byte Detail)
{
    public TimeSpan Duration => End - Start;
}
