namespace CowHealth.Tests.Compose;

/// <summary>
/// The shared libraries an image on mcr.microsoft.com/dotnet/aspnet:10.0-alpine can load: musl's
/// own, those of the packages the .NET image installs, and those of the packages a Dockerfile adds
/// with <c>apk add</c>. The base packages are the ones dotnet/dotnet-docker's runtime-deps Alpine
/// Dockerfile installs (src/runtime-deps/10.0/alpine*/: ca-certificates-bundle, libgcc, libssl3,
/// libstdc++, zlib; libssl3 brings libcrypto3).
/// </summary>
public static class AlpineRuntimeLibraries
{
    // Alpine package => the sonames it ships (pkgs.alpinelinux.org, "so:" provides).
    private static readonly Dictionary<string, string[]> PackageSonames = new()
    {
        ["libgcc"] = ["libgcc_s.so.1"],
        ["libstdc++"] = ["libstdc++.so.6"],
        ["libssl3"] = ["libssl.so.3"],
        ["libcrypto3"] = ["libcrypto.so.3"],
        ["zlib"] = ["libz.so.1"],
        // Cyrus SASL's library alone (the cyrus-sasl package adds the saslauthd daemon and depends on it).
        ["libsasl"] = ["libsasl2.so.3"],
        ["cyrus-sasl"] = ["libsasl2.so.3"],
    };

    private static readonly string[] BaseImagePackages = ["libgcc", "libstdc++", "libssl3", "libcrypto3", "zlib"];

    // musl's loader answers these names itself (ldso/dynlink.c, its "reserved" list), any version suffix.
    private static readonly string[] MuslReserved = ["libc.", "libpthread.", "librt.", "libm.", "libdl.", "libutil.", "libxnet."];

    /// <summary>Docker's platform name (amd64, arm64) as musl names the machine.</summary>
    public static string MuslMachine(string platform) => platform switch
    {
        "amd64" => "x86_64",
        "arm64" => "aarch64",
        _ => throw new ArgumentOutOfRangeException(nameof(platform), platform, "Only amd64 and arm64 images are built."),
    };

    /// <summary>Whether a NEEDED entry of a musl-linked library resolves in the image.</summary>
    public static bool Provides(string soname, string platform, IEnumerable<string> addedPackages)
    {
        var machine = MuslMachine(platform);
        if (soname == $"libc.musl-{machine}.so.1" || soname == $"ld-musl-{machine}.so.1" || MuslReserved.Any(name => soname.StartsWith(name, StringComparison.Ordinal)))
        {
            return true;
        }

        return BaseImagePackages.Concat(addedPackages).Any(package => SonamesOf(package).Contains(soname));
    }

    /// <summary>The sonames an Alpine package ships; a package this table does not know fails loudly.</summary>
    public static IReadOnlyList<string> SonamesOf(string package) =>
        PackageSonames.TryGetValue(package, out var sonames)
            ? sonames
            : throw new InvalidOperationException(
                $"The Dockerfile installs the Alpine package '{package}', which {nameof(AlpineRuntimeLibraries)} does not know: add the sonames it ships.");

    /// <summary>The packages a stage's RUN lines add with <c>apk add</c>.</summary>
    public static IReadOnlyList<string> PackagesAddedBy(DockerStage stage) =>
        stage.Instructions
            .Where(i => i.Keyword == "RUN")
            .SelectMany(i => i.Arguments.Split(["&&", ";", "||"], StringSplitOptions.TrimEntries))
            .Select(command => command.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(words => words.Length > 2 && words[0] == "apk" && words[1] == "add")
            .SelectMany(words => words.Skip(2).Where(w => !w.StartsWith('-')))
            .ToList();
}
