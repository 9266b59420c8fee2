using Xunit.Abstractions;

namespace CowHealth.Tests.Compose;

/// <summary>
/// src/Dockerfile's build, rehearsed without Docker (<see cref="ImageBuildRehearsal"/>): a file the
/// image build needs but does not copy, and a native library whose dependencies the runtime image
/// lacks, fail here rather than on a user's Docker host.
/// </summary>
public sealed class ImageBuild_Specs(ImageBuildRehearsal rehearsal, ITestOutputHelper output) : IClassFixture<ImageBuildRehearsal>
{
    [Fact]
    public void Each_service_publishes_from_exactly_the_files_the_Dockerfile_copies()
    {
        output.WriteLine($"Rehearsed {rehearsal.Services.Count} services on {ImageBuildRehearsal.Platforms.Count} platforms in {rehearsal.Elapsed.TotalSeconds:0} s:");
        foreach (var step in rehearsal.Steps)
        {
            output.WriteLine($"  line {step.Run.Line} for {step.For}: {step.Took.TotalSeconds:0.0} s");
        }

        Assert.Empty(rehearsal.MissingFromContext);
        Assert.Equal(["Connector", "Gateway", "Processor", "Simulator"], rehearsal.Services.Order());
        Assert.All(rehearsal.Steps, step => Assert.True(step.Result.ExitCode == 0, step.ToString()));
        foreach (var service in rehearsal.Services)
        {
            foreach (var platform in ImageBuildRehearsal.Platforms)
            {
                // The image's entrypoint runs CowHealth.$SERVICE.dll.
                var image = rehearsal.ImageContents(service, platform);
                Assert.True(File.Exists(Path.Combine(image, $"CowHealth.{service}.dll")), $"{image} holds no CowHealth.{service}.dll");
                Assert.True(File.Exists(Path.Combine(image, $"CowHealth.{service}.runtimeconfig.json")), $"{image} holds no runtimeconfig");
            }
        }
    }

    [Fact]
    public async Task Every_native_library_an_image_loads_finds_what_it_needs_in_the_runtime_image()
    {
        Assert.All(rehearsal.Steps, step => Assert.True(step.Result.ExitCode == 0, step.ToString()));
        var added = AlpineRuntimeLibraries.PackagesAddedBy(rehearsal.Recipe.Stage("runtime"));
        var unmet = new List<string>();
        foreach (var service in rehearsal.Services)
        {
            foreach (var platform in ImageBuildRehearsal.Platforms)
            {
                var runtimes = Path.Combine(rehearsal.ImageContents(service, platform), "runtimes");
                var arch = platform == "amd64" ? "x64" : platform;
                string[] platformsOwn = [$"linux-{arch}", $"linux-musl-{arch}"];
                Assert.All(Directory.GetDirectories(runtimes), folder => Assert.Contains(Path.GetFileName(folder), platformsOwn));

                var libraries = await Task.WhenAll(Directory.GetFiles(runtimes, "*.so*", SearchOption.AllDirectories).Select(ElfLibrary.ReadAsync));
                var musl = libraries.Where(l => !l.IsGlibc).ToList();
                Assert.True(musl.Count > 0, $"{service} on {platform} ships no musl build of librdkafka.");
                foreach (var library in musl)
                {
                    unmet.AddRange(library.Needed
                        .Where(soname => !AlpineRuntimeLibraries.Provides(soname, platform, added))
                        .Select(soname => $"{service} on {platform}: {Path.GetRelativePath(runtimes, library.Path)} needs {soname}"));
                }

                // glibc builds sit beside their musl twins, which the loaders choose on Alpine
                // (Confluent.Kafka loads alpine-librdkafka.so; .NET prefers linux-musl-* assets).
                unmet.AddRange(libraries
                    .Where(l => l.IsGlibc && !musl.Any(m => m.LibraryName == l.LibraryName))
                    .Select(l => $"{service} on {platform}: {Path.GetRelativePath(runtimes, l.Path)} is built for glibc and has no musl build"));
            }
        }

        Assert.True(unmet.Count == 0, $"The runtime image installs {string.Join(", ", added)}, which leaves:\n" + string.Join('\n', unmet));
    }
}
