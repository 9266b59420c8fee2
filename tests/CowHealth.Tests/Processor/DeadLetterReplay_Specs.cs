using System.Diagnostics;
using CowHealth.Contracts;
using CowHealth.EmbeddedKafka;
using CowHealth.Tests.Gateway;
using CowHealth.Tests.Infrastructure;
using Npgsql;

namespace CowHealth.Tests.Processor;

/// <summary>
/// Readings parked for a cause that is later fixed are put back with the documented replay command
/// and end as if they had never been parked: a farm's base station whose clock ran two hours ahead
/// had its newest readings rejected as from the future; the operator raises the tolerated skew,
/// restarts the Processor and replays the dead-letter topic by reason.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DeadLetterReplay_Specs(ThrowawayPostgres postgres)
{
    private static readonly Dictionary<string, string> ToleratesThreeHours = new() { ["Ingestion__MaxClockSkew"] = "03:00:00" };

    [Fact]
    public async Task Readings_parked_for_a_cause_since_fixed_are_replayed_and_end_as_if_never_parked()
    {
        var herd = EndingTwoHoursAhead(ReferenceHerd.Readings());
        var calm = await RunNeverParked(herd);

        var database = await postgres.CreateDatabaseAsync("replayed");
        await using var broker = await EmbeddedKafkaBroker.StartAsync(new EmbeddedKafkaOptions { GroupInitialRebalanceDelay = TimeSpan.Zero });
        long parked;
        using (ProcessorProcess.Start(broker.BootstrapServers, database))
        {
            ReadingsOnKafka.Produce(broker.BootstrapServers, herd);
            parked = long.Parse(await Eventually.Until(async () =>
                    TopicRecords.Count(broker.BootstrapServers, Topics.ReadingsDeadLetter) is var dlq && dlq > 0 && await PipelineOutcome.ReadingsStored(database) + dlq == herd.Count
                        ? dlq.ToString(System.Globalization.CultureInfo.InvariantCulture)
                        : null,
                TimeSpan.FromMinutes(3), "every reading stored or parked"), System.Globalization.CultureInfo.InvariantCulture);
        }

        using (ProcessorProcess.Start(broker.BootstrapServers, database, ToleratesThreeHours))
        {
            var (exitCode, output) = await RunReplay("--topic", Topics.ReadingsDeadLetter, "--bootstrap-servers", broker.BootstrapServers, "--reason", "ahead of");
            Assert.True(exitCode == 0, output);
            Assert.Contains($"{parked} replayed.", output);

            var replayed = await PipelineOutcome.WhenSettled(database, broker.BootstrapServers, herd.Count);
            replayed.AssertSameStoredAndPublishedAs(calm);
            Assert.Equal(parked, replayed.DeadLettered);
        }
    }

    /// <summary>The herd shifted so that its newest readings lie two hours ahead of now: more than the default hour of skew.</summary>
    private static List<SensorReading> EndingTwoHoursAhead(List<SensorReading> herd)
    {
        var shift = DateTimeOffset.UtcNow.AddHours(2) - herd[^1].MeasuredAt;
        return herd.Select(r => r with { MeasuredAt = r.MeasuredAt + shift }).ToList();
    }

    private async Task<PipelineOutcome> RunNeverParked(List<SensorReading> herd)
    {
        var database = await postgres.CreateDatabaseAsync("never_parked");
        await using var broker = await EmbeddedKafkaBroker.StartAsync(new EmbeddedKafkaOptions { GroupInitialRebalanceDelay = TimeSpan.Zero });
        using var processor = ProcessorProcess.Start(broker.BootstrapServers, database, ToleratesThreeHours);
        ReadingsOnKafka.Produce(broker.BootstrapServers, herd);
        var outcome = await PipelineOutcome.WhenSettled(database, broker.BootstrapServers, herd.Count);
        Assert.Equal(0, outcome.DeadLettered);
        return outcome;
    }

    /// <summary>The replay command as the README gives it, run from the built tool.</summary>
    private static async Task<(int ExitCode, string Output)> RunReplay(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "CowHealth.DeadLetterReplay.dll"), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output + await errors);
    }
}
