namespace CowHealth.KafkaRider.DeadLetters;

/// <summary>What a replay did: records read from the dead-letter topic, and how many it put back, by reason.</summary>
public sealed record DeadLetterReplayResult(int Read, int Replayed, IReadOnlyDictionary<string, int> ReplayedByReason);
