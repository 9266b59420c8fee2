using CowHealth.Tests.Observability;

namespace CowHealth.Tests.Compose;

/// <summary>compose/docker-compose.yml as Debian's docker-compose reads it (no Docker engine is needed to validate).</summary>
public sealed class ComposeFile_Specs
{
    private static readonly string[] Config = ["-f", Path.Combine("compose", "docker-compose.yml"), "config"];

    [Fact]
    public async Task The_stack_is_valid_once_the_passwords_are_set()
    {
        var run = await ExternalTool.RunAsync("docker-compose", Config, RepositoryFiles.Root, Passwords());

        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var service in new[] { "kafka", "kafka-init", "postgres", "postgres-init", "processor", "gateway", "simulator", "prometheus", "grafana", "kafka-exporter", "postgres-exporter" })
        {
            Assert.Contains($"\n  {service}:\n", run.Output);
        }

        Assert.Contains("GF_SECURITY_ADMIN_PASSWORD: a-grafana-secret", run.Output);
        Assert.Contains("KAFKA_PROCESS_ROLES: broker,controller", run.Output);
        Assert.DoesNotContain("zookeeper", run.Output, StringComparison.OrdinalIgnoreCase);
        // Kafka (no authentication) and Prometheus (no sign-in) on this host only; the Gateway and Grafana for the farm's network.
        foreach (var published in new[] { "127.0.0.1:9092:9092", "127.0.0.1:9090:9090", "0.0.0.0:3000:3000", "0.0.0.0:8080:8080" })
        {
            Assert.Contains(published, run.Output);
        }
    }

    [Theory]
    [InlineData("GF_ADMIN_PASSWORD")]
    [InlineData("POSTGRES_PASSWORD")]
    [InlineData("COWHEALTH_DB_PASSWORD")]
    [InlineData("MONITOR_DB_PASSWORD")]
    public async Task The_stack_refuses_to_start_without_a_password(string missing)
    {
        var passwords = Passwords();
        passwords[missing] = "";
        var run = await ExternalTool.RunAsync("docker-compose", Config, RepositoryFiles.Root, passwords);

        Assert.True(run.ExitCode != 0, run.ToString());
        Assert.Contains($"set {missing}", run.Output);
    }

    // Set in the environment, which wins over a developer's own compose/.env.
    private static Dictionary<string, string> Passwords() => new()
    {
        ["GF_ADMIN_PASSWORD"] = "a-grafana-secret",
        ["POSTGRES_PASSWORD"] = "a-postgres-secret",
        ["COWHEALTH_DB_PASSWORD"] = "a-cowhealth-secret",
        ["MONITOR_DB_PASSWORD"] = "a-monitor-secret",
    };
}
