using System.Diagnostics;
using System.Globalization;

namespace CowHealth.Benchmarks;

/// <summary>
/// CPU time (user + system) spent by this process and by a server that runs one process per
/// connection (PostgreSQL): the cost of the work whatever else the machine was doing meanwhile,
/// where a rate measured on a busy machine says more about the neighbours than about the code.
/// </summary>
internal readonly record struct CpuTime(TimeSpan ThisProcess, TimeSpan Server)
{
    // Linux reports process times in clock ticks of 1/100 s (USER_HZ) on every architecture .NET runs on.
    private const double TicksPerSecond = 100;

    public static CpuTime Now(int? serverProcessId) =>
        new(Process.GetCurrentProcess().TotalProcessorTime, serverProcessId is { } pid ? OfServer(pid) : TimeSpan.Zero);

    public static CpuTime operator -(CpuTime later, CpuTime earlier) =>
        new(later.ThisProcess - earlier.ThisProcess, later.Server - earlier.Server);

    public string PerThousand(long readings) =>
        $"{ThisProcess.TotalMilliseconds * 1000 / readings:N1} ms in this process + {Server.TotalMilliseconds * 1000 / readings:N1} ms in PostgreSQL";

    /// <summary>The server process, the children it has reaped, and its live children.</summary>
    private static TimeSpan OfServer(int pid)
    {
        var ticks = 0L;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), CultureInfo.InvariantCulture, out var processId) ||
                TryRead(Path.Combine(directory, "stat")) is not { } fields)
            {
                continue;
            }

            var parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
            if (processId == pid || parent == pid)
            {
                ticks += Sum(fields, 11, 12, 13, 14);
            }
        }

        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    /// <summary>The fields after the command name (which may hold spaces), so index 0 is the state and 11 is utime.</summary>
    private static string[]? TryRead(string statFile)
    {
        try
        {
            var text = File.ReadAllText(statFile);
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null; // the process ended meanwhile
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long Sum(string[] fields, params int[] indexes) => indexes.Sum(i => long.Parse(fields[i], CultureInfo.InvariantCulture));
}
