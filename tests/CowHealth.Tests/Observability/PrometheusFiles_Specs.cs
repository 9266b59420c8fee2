namespace CowHealth.Tests.Observability;

/// <summary>observability/prometheus as Prometheus's own tool judges it: the configuration, the rules, and the rules' unit tests.</summary>
public sealed class PrometheusFiles_Specs
{
    private static readonly string Folder = RepositoryFiles.PathOf("observability", "prometheus");

    [Fact]
    public async Task The_configuration_is_valid_and_loads_the_rules()
    {
        var run = await ExternalTool.RunAsync("promtool", ["check", "config", "prometheus.yml"], Folder);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("rule files found", run.Output);
    }

    [Fact]
    public async Task Every_rule_file_is_valid()
    {
        var rules = Directory.GetFiles(Path.Combine(Folder, "rules"), "*.yml").Select(f => Path.Combine("rules", Path.GetFileName(f))).ToList();
        Assert.NotEmpty(rules);

        var run = await ExternalTool.RunAsync("promtool", ["check", "rules", .. rules], Folder);

        Assert.True(run.ExitCode == 0, run.ToString());
    }

    [Fact]
    public async Task The_alert_rules_pass_their_unit_tests()
    {
        var run = await ExternalTool.RunAsync("promtool", ["test", "rules", Path.Combine("tests", "cowhealth.test.yml")], Folder);

        Assert.True(run.ExitCode == 0, run.ToString());
    }

    [Fact]
    public async Task Every_alert_has_a_unit_test()
    {
        var rules = await File.ReadAllTextAsync(Path.Combine(Folder, "rules", "cowhealth.yml"));
        var tests = await File.ReadAllTextAsync(Path.Combine(Folder, "tests", "cowhealth.test.yml"));
        var alerts = System.Text.RegularExpressions.Regex.Matches(rules, @"- alert: (\w+)").Select(m => m.Groups[1].Value).ToList();

        Assert.NotEmpty(alerts);
        Assert.All(alerts, alert => Assert.True(
            System.Text.RegularExpressions.Regex.Count(tests, $@"alertname: {alert}\s*\n\s*exp_alerts:\s*\n\s*- exp_labels") > 0,
            $"{alert} has no test in which it fires"));
    }
}
