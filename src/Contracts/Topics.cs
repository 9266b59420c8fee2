namespace CowHealth.Contracts;

/// <summary>The Kafka topics that link the services. Every message is keyed by cow id.</summary>
public static class Topics
{
    /// <summary>Sensor readings, Simulator (or real boluses) to Processor.</summary>
    public const string Readings = "cow-health-data";

    /// <summary>Alert lifecycle events, Processor to Gateway and anyone who listens.</summary>
    public const string Alerts = "cow-health-alerts";

    /// <summary>Commands from people, Gateway to Processor (acknowledge and similar).</summary>
    public const string Commands = "cow-health-commands";

    /// <summary>Rejected readings, with the reason in the record's headers.</summary>
    public const string ReadingsDeadLetter = Readings + ".dlq";

    /// <summary>Rejected commands, with the reason in the record's headers.</summary>
    public const string CommandsDeadLetter = Commands + ".dlq";

    /// <summary>The dead-letter topic that belongs to <paramref name="topic"/>.</summary>
    public static string DeadLetterOf(string topic) => topic + ".dlq";

    /// <summary>Every topic, dead-letter topics included: whatever creates topics creates all of these.</summary>
    public static IReadOnlyList<string> All { get; } = [Readings, Alerts, Commands, ReadingsDeadLetter, CommandsDeadLetter];
}
