using System.Runtime.InteropServices;

namespace CowHealth.Testing;

/// <summary>The first lines of a benchmark's output: when, and on what machine.</summary>
public static class MachineDescription
{
    public static void Print(TextWriter output)
    {
        output.WriteLine($"date: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        output.WriteLine($"machine: {Environment.ProcessorCount} cores (nproc), {CpuModel()}, {TotalMemoryGiB():0.#} GiB, {RuntimeInformation.OSDescription}");
        output.WriteLine($"runtime: {RuntimeInformation.FrameworkDescription}, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC");
    }

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : RuntimeInformation.ProcessArchitecture.ToString();

    private static double TotalMemoryGiB() => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
}
