namespace CowHealth.Benchmarks;

/// <summary><c>--name value</c> pairs after the benchmark's name.</summary>
internal static class BenchmarkOptions
{
    public static int Int(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, "--" + name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value) ? value : fallback;
    }
}
