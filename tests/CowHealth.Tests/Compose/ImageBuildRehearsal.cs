using System.Diagnostics;
using System.Text.RegularExpressions;
using CowHealth.Tests.Observability;

namespace CowHealth.Tests.Compose;

/// <summary>
/// Builds the images' contents without Docker, from src/Dockerfile itself: the build stage's COPY
/// lines lay out exactly the files they name (less what .dockerignore keeps out of the context)
/// in a temporary folder standing in for its WORKDIR, and its RUN lines run there verbatim with
/// <c>sh -c</c>, their build arguments in the environment as Docker passes them. Steps after
/// <c>ARG SERVICE</c> run once per service compose builds, steps after <c>ARG TARGETARCH</c> once
/// per service and platform, on a copy of what the runtime stage's <c>COPY --from</c> takes.
/// Built once per test class; the images' outputs are read by the specs.
/// </summary>
/// <remarks>
/// One shortcut, to keep CI on two cores fast: the three services publish one after the other in
/// one folder, after the shared restore, where Docker builds each from the restore layer. The
/// second and third publish reuse the shared projects' compiled output, built by the same
/// command from the same files.
/// </remarks>
public sealed class ImageBuildRehearsal : IAsyncLifetime
{
    public const string DockerfilePath = "src/Dockerfile";
    private const string BuildStage = "build";
    private const string RuntimeStage = "runtime";

    public static IReadOnlyList<string> Platforms { get; } = ["amd64", "arm64"];

    private readonly List<RehearsedStep> _steps = [];
    private string _root = "";

    public DockerfileRecipe Recipe { get; } = DockerfileRecipe.Parse(File.ReadAllText(RepositoryFiles.PathOf(DockerfilePath)));

    /// <summary>The SERVICE build arguments compose/docker-compose.yml builds src/Dockerfile with.</summary>
    public IReadOnlyList<string> Services { get; } = ServicesComposeBuilds();

    /// <summary>Every RUN that ran, in order, with what it printed.</summary>
    public IReadOnlyList<RehearsedStep> Steps => _steps;

    /// <summary>Files of the context a COPY named but .dockerignore keeps out (Docker fails the build on them).</summary>
    public List<string> MissingFromContext { get; } = [];

    public TimeSpan Elapsed { get; private set; }

    /// <summary>The folder holding what the runtime stage's COPY --from=build puts into the image, for one service and platform.</summary>
    public string ImageContents(string service, string platform) => Path.Combine(_root, "images", $"{service}-{platform}", OutputFolder);

    private string Workdir => Path.Combine(_root, "workdir");

    private string ContainerWorkdir => Recipe.Stage(BuildStage).Instructions.Last(i => i.Keyword == "WORKDIR").Arguments;

    // What the runtime stage copies from the build stage, relative to the build stage's WORKDIR.
    private string OutputFolder
    {
        get
        {
            var copy = Recipe.Stage(RuntimeStage).Instructions.Single(i => i.Keyword == "COPY" && i.Flag("from") == BuildStage);
            return Path.GetRelativePath(ContainerWorkdir, copy.Words[0]);
        }
    }

    public async Task InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        _root = Directory.CreateTempSubdirectory("cowhealth-image-").FullName;
        Directory.CreateDirectory(Workdir);
        var context = DockerIgnore.Read(RepositoryFiles.PathOf(".dockerignore"));

        var shared = new List<DockerInstruction>();
        var perService = new List<DockerInstruction>();
        var perPlatform = new List<DockerInstruction>();
        var phase = shared;
        foreach (var instruction in Recipe.Stage(BuildStage).Instructions)
        {
            switch (instruction.Keyword)
            {
                case "ARG" when instruction.Words[0].StartsWith("SERVICE", StringComparison.Ordinal):
                    phase = phase == shared ? perService : throw new NotSupportedException("ARG SERVICE must come before ARG TARGETARCH.");
                    break;
                case "ARG" when instruction.Words[0].StartsWith("TARGETARCH", StringComparison.Ordinal):
                    phase = perPlatform;
                    break;
                case "COPY" when phase != shared:
                    throw new NotSupportedException($"Line {instruction.Line}: the rehearsal lays out the context only before ARG SERVICE.");
                case "COPY":
                    LayOut(instruction, context);
                    break;
                case "RUN":
                    phase.Add(instruction);
                    break;
                case "WORKDIR" or "ARG":
                    break;
                default:
                    throw new NotSupportedException($"Line {instruction.Line}: {instruction.Keyword} is not rehearsed.");
            }
        }

        if (!await RunAllAsync(shared, Workdir, new Dictionary<string, string>(), "all services"))
        {
            return;
        }

        foreach (var service in Services)
        {
            var arguments = new Dictionary<string, string> { ["SERVICE"] = service };
            if (!await RunAllAsync(perService, Workdir, arguments, service))
            {
                continue;
            }

            var published = Path.Combine(Workdir, OutputFolder);
            var servicesOutput = Path.Combine(_root, "published", service);
            Directory.CreateDirectory(Path.GetDirectoryName(servicesOutput)!);
            Directory.Move(published, servicesOutput);
            foreach (var platform in Platforms)
            {
                // A stand-in for the WORKDIR that holds only the output, hard-linked: the per-platform
                // steps may delete from it, and a full copy of every platform's libraries is 150 MB.
                var platformWorkdir = Path.Combine(_root, "images", $"{service}-{platform}");
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(platformWorkdir, OutputFolder))!);
                var link = await ExternalTool.RunAsync("cp", ["-al", servicesOutput, Path.Combine(platformWorkdir, OutputFolder)], _root);
                Assert.True(link.ExitCode == 0, link.ToString());
                await RunAllAsync(perPlatform, platformWorkdir, new Dictionary<string, string>(arguments) { ["TARGETARCH"] = platform }, $"{service} on {platform}");
            }
        }

        Elapsed = clock.Elapsed;
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }

        return Task.CompletedTask;
    }

    private void LayOut(DockerInstruction copy, DockerIgnore context)
    {
        if (copy.Flag("from") is not null)
        {
            throw new NotSupportedException($"Line {copy.Line}: the build stage copies only from the context.");
        }

        var words = copy.Words;
        var target = words[^1].StartsWith('/') ? Path.GetRelativePath(ContainerWorkdir, words[^1]) : words[^1];
        if (target.StartsWith("..", StringComparison.Ordinal))
        {
            throw new NotSupportedException($"Line {copy.Line}: the rehearsal lays out files under the WORKDIR only.");
        }

        var destination = Path.Combine(Workdir, target);
        foreach (var source in words.Take(words.Count - 1))
        {
            var inContext = RepositoryFiles.PathOf(source.TrimEnd('/'));
            if (Directory.Exists(inContext))
            {
                foreach (var file in Directory.EnumerateFiles(inContext, "*", SearchOption.AllDirectories))
                {
                    var relative = Path.GetRelativePath(RepositoryFiles.Root, file);
                    if (!context.Excludes(relative))
                    {
                        CopyFile(file, Path.Combine(destination, Path.GetRelativePath(inContext, file)));
                    }
                }
            }
            else if (File.Exists(inContext) && !context.Excludes(source))
            {
                var intoFolder = words.Count > 2 || words[^1].EndsWith('/');
                CopyFile(inContext, intoFolder ? Path.Combine(destination, Path.GetFileName(inContext)) : destination);
            }
            else
            {
                MissingFromContext.Add($"line {copy.Line}: {source}");
            }
        }
    }

    private static void CopyFile(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to, overwrite: true);
    }

    private async Task<bool> RunAllAsync(IEnumerable<DockerInstruction> runs, string workdir, IReadOnlyDictionary<string, string> arguments, string forWhat)
    {
        foreach (var run in runs)
        {
            var environment = new Dictionary<string, string>(arguments)
            {
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
                ["DOTNET_NOLOGO"] = "1",
                // No MSBuild worker nodes left running after the test.
                ["MSBUILDDISABLENODEREUSE"] = "1",
            };
            var clock = Stopwatch.StartNew();
            // MSBuild's variables from the `dotnet test` that runs this would steer the inner build.
            var result = await ExternalTool.RunAsync("/bin/sh", ["-c", run.Arguments], workdir, environment, TimeSpan.FromMinutes(10), ["MSBuild", "VSTEST"]);
            _steps.Add(new RehearsedStep(forWhat, run, result, clock.Elapsed));
            if (result.ExitCode != 0)
            {
                return false;
            }
        }

        return true;
    }

    private static List<string> ServicesComposeBuilds()
    {
        var compose = File.ReadAllText(RepositoryFiles.PathOf("compose", "docker-compose.yml"));
        Assert.Contains($"dockerfile: {DockerfilePath}", compose);
        return Regex.Matches(compose, @"^\s+SERVICE:\s*(\w+)\s*$", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
    }
}

/// <summary>One RUN of the Dockerfile as the rehearsal ran it: for which service or platform, how it ended, how long it took.</summary>
public sealed record RehearsedStep(string For, DockerInstruction Run, ToolRun Result, TimeSpan Took)
{
    public override string ToString() => $"Dockerfile line {Run.Line} for {For} ({Took.TotalSeconds:0} s): {Result}";
}
