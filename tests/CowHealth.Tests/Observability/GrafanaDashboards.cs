using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CowHealth.Tests.Observability;

/// <summary>The dashboards in observability/grafana/dashboards and the queries their panels send.</summary>
public static partial class GrafanaDashboards
{
    public static readonly string Folder = RepositoryFiles.PathOf("observability", "grafana", "dashboards");

    /// <summary>The uid of the provisioned Prometheus datasource, read from its provisioning file.</summary>
    public static string ProvisionedDatasourceUid { get; } = ReadProvisionedUid();

    /// <summary>
    /// What Grafana puts in place of its built-in variables when it sends a query. The rate window
    /// is a minute: four scrapes at Grafana's 15 s, sixty at the test's 1 s.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> BuiltIns = new Dictionary<string, string>
    {
        ["__rate_interval"] = "1m",
        ["__interval"] = "15s",
        ["__range"] = "1h",
    };

    public static IReadOnlyList<Dashboard> All() =>
        Directory.GetFiles(Folder, "*.json").Order().Select(file => new Dashboard(Path.GetFileName(file), JsonNode.Parse(File.ReadAllText(file))!.AsObject())).ToList();

    private static string ReadProvisionedUid()
    {
        var provisioning = File.ReadAllText(RepositoryFiles.PathOf("observability", "grafana", "provisioning", "datasources", "prometheus.yml"));
        return UidLine().Match(provisioning) is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException("The datasource provisioning names no uid.");
    }

    [GeneratedRegex(@"^\s*uid:\s*([\w-]+)\s*$", RegexOptions.Multiline)]
    private static partial Regex UidLine();
}

/// <summary>One dashboard file.</summary>
public sealed partial record Dashboard(string File, JsonObject Json)
{
    public string Title => (string?)Json["title"] ?? File;

    /// <summary>Every panel, those inside collapsed rows included.</summary>
    public IEnumerable<JsonObject> Panels =>
        (Json["panels"]?.AsArray() ?? []).OfType<JsonObject>()
            .SelectMany(p => new[] { p }.Concat((p["panels"]?.AsArray() ?? []).OfType<JsonObject>()));

    public IEnumerable<JsonObject> Variables => (Json["templating"]?["list"]?.AsArray() ?? []).OfType<JsonObject>();

    /// <summary>Every query a panel sends, with its variables replaced as Grafana would with "All" selected.</summary>
    public IEnumerable<PanelQuery> Queries =>
        from panel in Panels
        where (string?)panel["type"] != "row"
        from target in (panel["targets"]?.AsArray() ?? []).OfType<JsonObject>()
        select new PanelQuery(this, (int?)panel["id"] ?? 0, (string?)panel["title"] ?? "", (string?)target["refId"] ?? "", (string?)target["expr"] ?? "",
            Substitute((string?)target["expr"] ?? ""));

    private string Substitute(string expression) => VariableReference().Replace(expression, match =>
    {
        var name = match.Groups["braced"].Success ? match.Groups["braced"].Value
            : match.Groups["bracketed"].Success ? match.Groups["bracketed"].Value
            : match.Groups["plain"].Value;
        if (GrafanaDashboards.BuiltIns.TryGetValue(name, out var builtIn))
        {
            return builtIn;
        }

        var variable = Variables.FirstOrDefault(v => (string?)v["name"] == name)
            ?? throw new InvalidOperationException($"{Title}: a query uses ${name}, which the dashboard does not define.");
        return (bool?)variable["includeAll"] == true
            ? (string?)variable["allValue"] ?? ".*"
            : throw new InvalidOperationException($"{Title}: variable {name} has no 'All' to stand in for it; give the test a value for it.");
    });

    [GeneratedRegex(@"\$\{(?<braced>\w+)(?::\w+)?\}|\[\[(?<bracketed>\w+)\]\]|\$(?<plain>\w+)")]
    private static partial Regex VariableReference();
}

/// <summary>One target of one panel: what is in the file, and what is sent to Prometheus.</summary>
public sealed record PanelQuery(Dashboard Dashboard, int PanelId, string PanelTitle, string RefId, string Expression, string Sent)
{
    public override string ToString() => $"{Dashboard.Title} › panel {PanelId} \"{PanelTitle}\" › {RefId}: {Sent}";
}
