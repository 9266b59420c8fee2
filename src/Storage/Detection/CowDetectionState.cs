namespace CowHealth.Storage.Detection;

/// <summary>
/// The detection rules' memory of one cow (baselines, windows), saved in the same transaction as
/// the readings it has seen, so a restarted Processor carries on exactly where it stopped.
/// </summary>
public sealed class CowDetectionState
{
    public required string CowId { get; set; }

    /// <summary>Event time of the newest reading folded into <see cref="SnapshotJson"/>.</summary>
    public DateTime LastMeasuredAt { get; set; }

    public required string SnapshotJson { get; set; }
}
