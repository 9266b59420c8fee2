using CowHealth.Contracts;
using CowHealth.EmbeddedKafka;
using CowHealth.Tests.Observability;

namespace CowHealth.Tests.Compose;

/// <summary>
/// compose/kafka-init.sh as kafka-init runs it, against a stand-in for Kafka's kafka-topics.sh
/// (no Kafka runs here, and the embedded broker does not create topics through the admin API): the
/// stand-in records each call and turns the first ones away as a broker still starting does.
/// </summary>
public sealed class KafkaInit_Specs : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cowhealth-kafka-init-").FullName;

    [Fact]
    public async Task Kafka_init_retries_until_the_broker_answers_then_creates_every_topic_with_the_local_runs_partitions()
    {
        var run = await RunKafkaInitAsync(failingCalls: 3, attempts: 30);

        Assert.True(run.ExitCode == 0, run.ToString());
        var calls = await File.ReadAllLinesAsync(CallLog);
        Assert.Equal(3, run.Output.Split("retrying").Length - 1);
        var created = calls.Select(c => c.Split(' ')).Where(words => words.Contains("--create"))
            .ToDictionary(words => words[Array.IndexOf(words, "--topic") + 1], words => int.Parse(words[Array.IndexOf(words, "--partitions") + 1], System.Globalization.CultureInfo.InvariantCulture));
        var embedded = new EmbeddedKafkaOptions();
        Assert.Equal(Topics.All.Order(), created.Keys.Order());
        Assert.Contains(Topics.DeadLetterOf(Topics.Readings), created.Keys);
        Assert.Contains(Topics.DeadLetterOf(Topics.Commands), created.Keys);
        Assert.All(created, topic => Assert.Equal(topic.Key == Topics.Readings ? embedded.ReadingsPartitions : embedded.OtherTopicPartitions, topic.Value));
        Assert.All(calls, call => Assert.Contains("--bootstrap-server kafka:29092", call));
    }

    [Fact]
    public async Task Kafka_init_fails_when_the_broker_never_answers_so_no_service_starts_without_its_topics()
    {
        var run = await RunKafkaInitAsync(failingCalls: int.MaxValue, attempts: 4);

        Assert.True(run.ExitCode != 0, run.ToString());
        Assert.Contains("giving up after 4 attempts", run.Output);
        Assert.Equal(4, (await File.ReadAllLinesAsync(CallLog)).Length);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string CallLog => Path.Combine(_folder, "calls.log");

    private async Task<ToolRun> RunKafkaInitAsync(int failingCalls, int attempts)
    {
        var config = await ComposeConfig.ReadAsync();
        var standIn = Path.Combine(_folder, "kafka-topics.sh");
        var turnedAway = Math.Min(failingCalls, 1_000_000);
        await File.WriteAllTextAsync(standIn, $$"""
            #!/bin/sh
            echo "$*" >> '{{CallLog}}'
            calls=$(wc -l < '{{CallLog}}')
            if [ "$calls" -le {{turnedAway}} ]; then echo "stand-in: broker not answering" >&2; exit 1; fi
            """ + "\n");
        Assert.Equal(0, (await ExternalTool.RunAsync("chmod", ["+x", standIn], _folder)).ExitCode);

        var (program, arguments) = config.CommandOf("kafka-init");
        var environment = new Dictionary<string, string>(config.Environment("kafka-init"))
        {
            ["KAFKA_TOPICS_TOOL"] = standIn,
            ["KAFKA_INIT_ATTEMPTS"] = attempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // The script's own pause between attempts, not a wait in this test.
            ["KAFKA_INIT_RETRY_SECONDS"] = "0",
        };
        return await ExternalTool.RunAsync(program, arguments, _folder, environment);
    }
}
