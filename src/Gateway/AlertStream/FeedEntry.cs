namespace CowHealth.Gateway.AlertStream;

/// <summary>One record of <c>cow-health-alerts</c> in the shared feed, with where it sits on the topic.</summary>
public sealed record FeedEntry(int Partition, long Offset, AlertRecord Record)
{
    /// <summary>What the entry costs the replay buffer: its JSON and a little for the objects around it.</summary>
    public long Bytes => Record.Json.Length + 128;
}
