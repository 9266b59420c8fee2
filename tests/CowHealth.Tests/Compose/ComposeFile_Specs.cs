using CowHealth.Tests.Observability;

namespace CowHealth.Tests.Compose;

/// <summary>compose/docker-compose.yml as Debian's docker-compose resolves it (no Docker engine is needed to validate).</summary>
public sealed class ComposeFile_Specs
{
    private static readonly string[] Services = ["processor", "gateway", "simulator"];

    [Fact]
    public async Task The_stack_is_valid_once_the_passwords_are_set()
    {
        var config = await ComposeConfig.ReadAsync();

        Assert.Equal(
            ["connector", "gateway", "grafana", "kafka", "kafka-exporter", "kafka-init", "postgres", "postgres-exporter", "postgres-init", "processor", "prometheus", "simulator"],
            config.ServiceNames.Order());
        Assert.Equal("a-grafana-secret", config.Environment("grafana")["GF_SECURITY_ADMIN_PASSWORD"]);
        Assert.Equal("broker,controller", config.Environment("kafka")["KAFKA_PROCESS_ROLES"]);
        Assert.DoesNotContain("zookeeper", config.Run.StandardOutput, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_connector_polls_the_simulators_fake_api_and_the_simulator_produces_nothing_itself()
    {
        var config = await ComposeConfig.ReadAsync();

        Assert.Equal("true", config.Environment("simulator")["FakeApi__ServeOnly"]);
        Assert.Equal("http://simulator:8082/", config.Environment("connector")["Connector__Accounts__simulator__BaseUrl"]);
        Assert.Equal("kafka:29092", config.Environment("connector")["Kafka__BootstrapServers"]);
        Assert.Equal("Postgres", config.Environment("connector")["Storage__Provider"]);
    }

    [Theory]
    [InlineData("GF_ADMIN_PASSWORD")]
    [InlineData("POSTGRES_PASSWORD")]
    [InlineData("COWHEALTH_DB_PASSWORD")]
    [InlineData("MONITOR_DB_PASSWORD")]
    public async Task The_stack_refuses_to_start_without_a_password(string missing)
    {
        var passwords = ComposeConfig.Passwords();
        passwords[missing] = "";

        var run = await ComposeConfig.ResolveAsync(passwords);

        Assert.True(run.ExitCode != 0, run.ToString());
        Assert.Contains($"set {missing}", run.Output);
    }

    [Fact]
    public async Task Kafka_and_Prometheus_are_published_on_this_host_only_and_the_Gateway_and_Grafana_for_the_farms_network()
    {
        var config = await ComposeConfig.ReadAsync();

        Assert.Equal(["127.0.0.1:9092:9092/tcp"], config.List("kafka", "ports"));
        Assert.Equal(["127.0.0.1:9090:9090/tcp"], config.List("prometheus", "ports"));
        Assert.Equal(["0.0.0.0:8080:8080/tcp"], config.List("gateway", "ports"));
        Assert.Equal(["0.0.0.0:3000:3000/tcp"], config.List("grafana", "ports"));
        Assert.All(config.ServiceNames.Except(["kafka", "prometheus", "gateway", "grafana"]), service => Assert.Empty(config.List(service, "ports")));
    }

    [Fact]
    public async Task Kafka_opened_deliberately_listens_on_every_interface_and_tells_clients_the_name_they_reach_it_by()
    {
        var opened = new Dictionary<string, string>(ComposeConfig.Passwords())
        {
            ["KAFKA_PUBLISH_ADDRESS"] = "0.0.0.0",
            ["KAFKA_ADVERTISED_HOST"] = "cowhealth.farm.lan",
            ["PROMETHEUS_PUBLISH_ADDRESS"] = "192.168.10.5",
        };

        var config = await ComposeConfig.ReadAsync(opened);

        Assert.Equal(["0.0.0.0:9092:9092/tcp"], config.List("kafka", "ports"));
        Assert.Contains("EXTERNAL://cowhealth.farm.lan:9092", config.Environment("kafka")["KAFKA_ADVERTISED_LISTENERS"]);
        Assert.Equal(["192.168.10.5:9090:9090/tcp"], config.List("prometheus", "ports"));
    }

    [Fact]
    public async Task Every_container_names_the_json_file_log_driver_its_options_belong_to()
    {
        var config = await ComposeConfig.ReadAsync();

        Assert.All(config.ServiceNames, service =>
        {
            Assert.Equal("json-file", config.Value(service, "logging", "driver"));
            Assert.NotNull(config.Value(service, "logging", "options", "max-size"));
        });
    }

    [Fact]
    public async Task Kafka_keeps_topics_offsets_and_its_metadata_log_on_its_volume()
    {
        var config = await ComposeConfig.ReadAsync();

        var logDirs = config.Environment("kafka")["KAFKA_LOG_DIRS"];
        Assert.Contains($"kafka-data:{logDirs}:rw", config.List("kafka", "volumes"));
        Assert.True(config.Root["volumes"] is YamlDotNet.RepresentationModel.YamlMappingNode volumes && volumes.Children.ContainsKey("kafka-data"));
        Assert.DoesNotContain("KAFKA_METADATA_LOG_DIR", config.Environment("kafka").Keys);
        Assert.Contains("postgres-data:/var/lib/postgresql/data:rw", config.List("postgres", "volumes"));
    }

    [Fact]
    public async Task Each_healthcheck_tests_what_the_next_service_needs_after_a_start_period()
    {
        var config = await ComposeConfig.ReadAsync();

        // PostgreSQL over TCP: the image's first-start server listens on the Unix socket only.
        var postgres = config.List("postgres", "healthcheck", "test");
        Assert.Equal(["CMD", "pg_isready", "-h", "127.0.0.1"], postgres.Take(4));
        // Kafka answers API versions on the listener the services use.
        var kafka = string.Join(' ', config.List("kafka", "healthcheck", "test"));
        Assert.Contains("kafka-broker-api-versions.sh", kafka);
        Assert.Contains($"--bootstrap-server {config.Environment("processor")["Kafka__BootstrapServers"]}", kafka);
        foreach (var service in Services)
        {
            var port = new Uri(config.Environment(service)["Urls"].Replace("+", "localhost", StringComparison.Ordinal)).Port;
            Assert.Contains($"http://127.0.0.1:{port}/health/ready", config.List(service, "healthcheck", "test"));
        }

        Assert.All(config.ServiceNames.Where(s => config.Value(s, "restart") == "unless-stopped"), service =>
        {
            Assert.NotEmpty(config.List(service, "healthcheck", "test"));
            Assert.NotNull(config.Value(service, "healthcheck", "start_period"));
        });
    }

    [Fact]
    public async Task The_services_wait_for_the_topics_and_roles_they_use()
    {
        var config = await ComposeConfig.ReadAsync();

        Assert.Equal("service_completed_successfully", config.Value("processor", "depends_on", "kafka-init", "condition"));
        Assert.Equal("service_completed_successfully", config.Value("processor", "depends_on", "postgres-init", "condition"));
        Assert.Equal("service_completed_successfully", config.Value("postgres-exporter", "depends_on", "postgres-init", "condition"));
        Assert.Equal("service_healthy", config.Value("postgres-init", "depends_on", "postgres", "condition"));
        Assert.Equal("service_healthy", config.Value("kafka-init", "depends_on", "kafka", "condition"));
        Assert.Equal("service_healthy", config.Value("gateway", "depends_on", "processor", "condition"));
    }

    [Fact]
    public async Task Each_service_image_is_built_from_the_one_Dockerfile_with_its_own_name_and_port()
    {
        var config = await ComposeConfig.ReadAsync();

        foreach (var service in Services)
        {
            Assert.Equal(ImageBuildRehearsal.DockerfilePath, config.Value(service, "build", "dockerfile"));
            Assert.Equal(RepositoryFiles.Root, config.Value(service, "build", "context"));
            Assert.Equal(service, config.Value(service, "build", "args", "SERVICE")!.ToLowerInvariant());
            Assert.Equal($"http://+:{config.Value(service, "build", "args", "PORT")}", config.Environment(service)["Urls"]);
        }
    }

    // Every character a shell, a connection string or Compose could misread, but no "${", which the
    // old docker-compose still expands inside single quotes (compose/.env.example says so).
    [Theory]
    [InlineData("environment")]
    [InlineData("env file")]
    public async Task A_password_with_semicolons_dollar_signs_and_quotes_reaches_every_container_intact(string from)
    {
        var passwords = new Dictionary<string, string>
        {
            ["GF_ADMIN_PASSWORD"] = "gr;af$ana",
            ["POSTGRES_PASSWORD"] = "su;per$user\"x",
            ["COWHEALTH_DB_PASSWORD"] = "co;w$HOME=\"b a\";x",
            ["MONITOR_DB_PASSWORD"] = "mo;ni$$tor\"",
        };
        ComposeConfig config;
        if (from == "environment")
        {
            config = await ComposeConfig.ReadAsync(passwords);
        }
        else
        {
            var envFile = Path.GetTempFileName();
            try
            {
                await File.WriteAllLinesAsync(envFile, passwords.Select(p => $"{p.Key}='{p.Value}'"));
                config = await ComposeConfig.ReadAsync(new Dictionary<string, string>(), envFile);
            }
            finally
            {
                File.Delete(envFile);
            }
        }

        foreach (var service in new[] { "processor", "gateway" })
        {
            Assert.Equal(passwords["COWHEALTH_DB_PASSWORD"], config.Environment(service)["PGPASSWORD"]);
            Assert.DoesNotContain("password", config.Environment(service)["Storage__ConnectionString"], StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(passwords["MONITOR_DB_PASSWORD"], config.Environment("postgres-exporter")["DATA_SOURCE_PASS"]);
        Assert.Equal(passwords["POSTGRES_PASSWORD"], config.Environment("postgres")["POSTGRES_PASSWORD"]);
        Assert.Equal(passwords["POSTGRES_PASSWORD"], config.Environment("postgres-init")["PGPASSWORD"]);
        Assert.Equal(passwords["COWHEALTH_DB_PASSWORD"], config.Environment("postgres-init")["COWHEALTH_DB_PASSWORD"]);
        Assert.Equal(passwords["MONITOR_DB_PASSWORD"], config.Environment("postgres-init")["MONITOR_DB_PASSWORD"]);
        Assert.Equal(passwords["GF_ADMIN_PASSWORD"], config.Environment("grafana")["GF_SECURITY_ADMIN_PASSWORD"]);
    }
}
