namespace CowHealth.KafkaRider.Consuming;

/// <summary>A partition whose records wait without it moving on, as last seen by its endpoint's poll loop.</summary>
/// <param name="For">How long records have waited without progress.</param>
/// <param name="Failing">Its last attempt failed transiently (as opposed to still running, slowly).</param>
internal sealed record PartitionStall(string Group, string Topic, int Partition, TimeSpan For, bool Failing);
