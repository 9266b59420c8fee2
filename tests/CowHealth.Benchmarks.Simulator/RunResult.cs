using System.Globalization;

namespace CowHealth.Benchmarks.Simulator;

/// <summary>One measured backfill, as a child process reports it to the parent on one line.</summary>
internal sealed record RunResult(BackfillRun Run, double Days, long Readings, double Seconds, long PeakResidentBytes, long PeakManagedHeapBytes)
{
    public double ReadingsPerSecond => Readings / Seconds;

    public string ToLine() => string.Join(' ', "result", Run, Days.ToString(CultureInfo.InvariantCulture), Readings,
        Seconds.ToString("R", CultureInfo.InvariantCulture), PeakResidentBytes, PeakManagedHeapBytes);

    public static RunResult? FromLine(string line)
    {
        var parts = line.Split(' ');
        return parts is ["result", var run, var days, var readings, var seconds, var resident, var heap]
            ? new RunResult(Enum.Parse<BackfillRun>(run), double.Parse(days, CultureInfo.InvariantCulture), long.Parse(readings, CultureInfo.InvariantCulture),
                double.Parse(seconds, CultureInfo.InvariantCulture), long.Parse(resident, CultureInfo.InvariantCulture), long.Parse(heap, CultureInfo.InvariantCulture))
            : null;
    }
}
