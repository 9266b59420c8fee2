namespace CowHealth.Tests.Observability;

/// <summary>compose/docker-compose.yml as Debian's docker-compose reads it (no Docker engine is needed to validate).</summary>
public sealed class ComposeFile_Specs
{
    private static readonly string[] Config = ["-f", Path.Combine("compose", "docker-compose.yml"), "config"];

    [Fact]
    public async Task The_stack_is_valid_once_the_passwords_are_set()
    {
        var run = await ExternalTool.RunAsync("docker-compose", Config, RepositoryFiles.Root, Passwords(grafana: "a-grafana-secret", postgres: "a-postgres-secret"));

        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var service in new[] { "kafka", "kafka-init", "postgres", "processor", "gateway", "simulator", "prometheus", "grafana", "kafka-exporter" })
        {
            Assert.Contains($"\n  {service}:\n", run.Output);
        }

        Assert.Contains("GF_SECURITY_ADMIN_PASSWORD: a-grafana-secret", run.Output);
        Assert.Contains("KAFKA_PROCESS_ROLES: broker,controller", run.Output);
        Assert.DoesNotContain("zookeeper", run.Output, StringComparison.OrdinalIgnoreCase);
        foreach (var published in new[] { "published: 9092", "published: 9090", "published: 3000", "published: 8080" })
        {
            Assert.Contains(published, run.Output);
        }
    }

    [Theory]
    [InlineData("", "a-postgres-secret", "GF_ADMIN_PASSWORD")]
    [InlineData("a-grafana-secret", "", "POSTGRES_PASSWORD")]
    public async Task The_stack_refuses_to_start_without_a_password(string grafana, string postgres, string missing)
    {
        var run = await ExternalTool.RunAsync("docker-compose", Config, RepositoryFiles.Root, Passwords(grafana, postgres));

        Assert.True(run.ExitCode != 0, run.ToString());
        Assert.Contains($"set {missing}", run.Output);
    }

    // Set in the environment, which wins over a developer's own compose/.env.
    private static Dictionary<string, string> Passwords(string grafana, string postgres) =>
        new() { ["GF_ADMIN_PASSWORD"] = grafana, ["POSTGRES_PASSWORD"] = postgres };
}
