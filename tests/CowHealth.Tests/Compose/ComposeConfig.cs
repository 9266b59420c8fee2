using CowHealth.Tests.Observability;
using YamlDotNet.RepresentationModel;

namespace CowHealth.Tests.Compose;

/// <summary>
/// compose/docker-compose.yml as Compose resolves it (<c>docker-compose config</c>, Debian's 1.29:
/// variables interpolated, anchors merged, paths made absolute), read as YAML. Values are given as
/// a container receives them: the output writes a literal <c>$</c> as <c>$$</c>, which is undone here.
/// </summary>
public sealed class ComposeConfig
{
    public static readonly string ComposeFile = Path.Combine("compose", "docker-compose.yml");

    private readonly YamlMappingNode _services;

    private ComposeConfig(YamlMappingNode root, ToolRun run)
    {
        Root = root;
        Run = run;
        _services = (YamlMappingNode)root["services"];
    }

    public YamlMappingNode Root { get; }

    public ToolRun Run { get; }

    public IEnumerable<string> ServiceNames => _services.Children.Keys.Select(k => ((YamlScalarNode)k).Value!);

    /// <summary>Passwords that let the file resolve; tests change one at a time.</summary>
    public static Dictionary<string, string> Passwords() => new()
    {
        ["GF_ADMIN_PASSWORD"] = "a-grafana-secret",
        ["POSTGRES_PASSWORD"] = "a-postgres-secret",
        ["COWHEALTH_DB_PASSWORD"] = "a-cowhealth-secret",
        ["MONITOR_DB_PASSWORD"] = "a-monitor-secret",
    };

    /// <summary>Runs <c>docker-compose config</c> with these variables (over a developer's own compose/.env) and, if given, an env file.</summary>
    public static async Task<ToolRun> ResolveAsync(IReadOnlyDictionary<string, string> variables, string? envFile = null)
    {
        string[] arguments = envFile is null ? ["-f", ComposeFile, "config"] : ["--env-file", envFile, "-f", ComposeFile, "config"];
        return await ExternalTool.RunAsync("docker-compose", arguments, RepositoryFiles.Root, variables);
    }

    public static async Task<ComposeConfig> ReadAsync(IReadOnlyDictionary<string, string>? variables = null, string? envFile = null)
    {
        var run = await ResolveAsync(variables ?? Passwords(), envFile);
        Assert.True(run.ExitCode == 0, run.ToString());
        var yaml = new YamlStream();
        yaml.Load(new StringReader(run.StandardOutput));
        return new ComposeConfig((YamlMappingNode)yaml.Documents[0].RootNode, run);
    }

    public YamlMappingNode Service(string name) => (YamlMappingNode)_services[name];

    /// <summary>A service's environment as its container gets it.</summary>
    public IReadOnlyDictionary<string, string> Environment(string service) =>
        Service(service).Children.TryGetValue("environment", out var environment)
            ? ((YamlMappingNode)environment).Children.ToDictionary(e => Scalar(e.Key), e => Scalar(e.Value))
            : new Dictionary<string, string>();

    /// <summary>A list under a service (ports, volumes, a healthcheck's test), each item as the container sees it.</summary>
    public IReadOnlyList<string> List(string service, params string[] path)
    {
        YamlNode node = Service(service);
        foreach (var key in path)
        {
            if (node is not YamlMappingNode mapping || !mapping.Children.TryGetValue(key, out var child))
            {
                return [];
            }

            node = child;
        }

        return ((YamlSequenceNode)node).Children.Select(Scalar).ToList();
    }

    /// <summary>A scalar under a service, or null.</summary>
    public string? Value(string service, params string[] path)
    {
        YamlNode node = Service(service);
        foreach (var key in path)
        {
            if (node is not YamlMappingNode mapping || !mapping.Children.TryGetValue(key, out var child))
            {
                return null;
            }

            node = child;
        }

        return Scalar(node);
    }

    /// <summary>The file on this machine a service's bind mount shows at <paramref name="containerPath"/>.</summary>
    public string HostPathOf(string service, string containerPath) =>
        List(service, "volumes").Select(v => v.Split(':')).Where(parts => parts.Length >= 2 && parts[1] == containerPath).Select(parts => parts[0]).SingleOrDefault()
        ?? throw new InvalidOperationException($"{service} mounts nothing at {containerPath}.");

    /// <summary>
    /// A one-shot service's entrypoint and command, as a program and its arguments for this machine:
    /// bind-mounted files are given by their paths here.
    /// </summary>
    public (string Program, IReadOnlyList<string> Arguments) CommandOf(string service)
    {
        var words = List(service, "entrypoint").Concat(List(service, "command")).ToList();
        var mounts = List(service, "volumes").Select(v => v.Split(':')).Where(parts => parts.Length >= 2 && parts[0].StartsWith('/')).ToList();
        var arguments = words.Skip(1).Select(word => mounts.Aggregate(word, (w, m) => w.Replace(m[1], m[0], StringComparison.Ordinal))).ToList();
        return (words[0], arguments);
    }

    private static string Scalar(YamlNode node) => ((YamlScalarNode)node).Value!.Replace("$$", "$", StringComparison.Ordinal);
}
