using System.CommandLine;
using System.Globalization;
using CowHealth.Contracts;
using CowHealth.KafkaRider.DeadLetters;

namespace CowHealth.DeadLetterReplay;

/// <summary>
/// <c>dotnet run --project src/DeadLetterReplay -- [options]</c>: puts records parked on a dead-letter
/// topic back on the topic they came from, once what parked them is fixed.
/// </summary>
public static class ReplayCommand
{
    public static RootCommand Create()
    {
        var topic = new Option<string>("--topic")
        {
            Description = $"The dead-letter topic to replay from ({Topics.ReadingsDeadLetter} or {Topics.CommandsDeadLetter}).",
            DefaultValueFactory = _ => Topics.ReadingsDeadLetter,
        };
        var bootstrapServers = new Option<string>("--bootstrap-servers")
        {
            Description = "Kafka brokers, host:port[,host:port].",
            DefaultValueFactory = _ => "127.0.0.1:9092",
        };
        var reason = new Option<string?>("--reason") { Description = "Only records whose dlq-reason contains this text (case ignored)." };
        var from = new Option<DateTimeOffset?>("--parked-from") { Description = "Only records parked at or after this time (ISO 8601, e.g. 2026-11-29T10:00Z)." };
        var before = new Option<DateTimeOffset?>("--parked-before") { Description = "Only records parked before this time." };
        var key = new Option<string?>("--key") { Description = "Only records with this key (a cow id)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "List what would be replayed; produce nothing." };

        var command = new RootCommand("Puts records parked on a CowHealth dead-letter topic back on their original topic, with their original key, value and headers.")
        {
            topic, bootstrapServers, reason, from, before, key, dryRun,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var filter = new DeadLetterFilter(parsed.GetValue(reason), parsed.GetValue(from), parsed.GetValue(before), parsed.GetValue(key));
            var dry = parsed.GetValue(dryRun);
            var result = await new KafkaRider.DeadLetters.DeadLetterReplay(parsed.GetValue(bootstrapServers)!).Replay(
                parsed.GetValue(topic)!, filter, dry,
                record => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{(dry ? "would replay" : "replayed")} {record.ParkedAs} key={record.Key} to {record.OriginalTopic}: {record.Reason}")),
                cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{result.Read} parked records read, {result.Replayed} {(dry ? "would be replayed" : "replayed")}."));
            foreach (var (why, count) in result.ReplayedByReason.OrderByDescending(r => r.Value))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {count,7}  {why}"));
            }

            return 0;
        });
        return command;
    }
}
