namespace CowHealth.Processor.Detection.Rules;

/// <summary>Numbers and durations as a farmer reads them in an alert.</summary>
internal static class EvidenceText
{
    public static string Duration(TimeSpan span)
    {
        var minutes = (long)Math.Round(span.TotalMinutes);
        var (hours, rest) = (minutes / 60, minutes % 60);
        return (hours, rest) switch
        {
            (0, _) => $"{rest} min",
            (_, 0) => $"{hours} h",
            _ => $"{hours} h {rest} min",
        };
    }

    public static string Percent(double ratio) => $"{ratio * 100:0} %";
}
