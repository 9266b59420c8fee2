using CowHealth.Tests.Observability;

namespace CowHealth.Tests.Compose;

/// <summary>A native shared library and the libraries it needs (its ELF DT_NEEDED entries, read with binutils' readelf).</summary>
public sealed record ElfLibrary(string Path, IReadOnlyList<string> Needed)
{
    /// <summary>Linked against glibc: Alpine's musl cannot load it, so the image needs a musl build beside it.</summary>
    public bool IsGlibc => Needed.Any(n => n == "libc.so.6" || n.StartsWith("ld-linux", StringComparison.Ordinal));

    /// <summary>
    /// The library's name without a distribution prefix (alpine-, centos8-): the variants of one
    /// library that its loader chooses between by platform, as librdkafka.redist ships them.
    /// </summary>
    public string LibraryName => System.Text.RegularExpressions.Regex.Replace(System.IO.Path.GetFileName(Path), @"^(alpine|centos\d*|debian\d*|rhel\d*)-", "");

    public static async Task<ElfLibrary> ReadAsync(string path)
    {
        var run = await ExternalTool.RunAsync("readelf", ["-d", "-W", path], System.IO.Path.GetDirectoryName(path)!);
        Assert.True(run.ExitCode == 0, run.ToString());
        var needed = System.Text.RegularExpressions.Regex.Matches(run.Output, @"\(NEEDED\)\s+Shared library: \[([^\]]+)\]").Select(m => m.Groups[1].Value).ToList();
        return new ElfLibrary(path, needed);
    }
}
