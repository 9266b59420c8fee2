namespace CowHealth.Processor.Detection;

/// <summary>
/// Everything detection remembers about one cow (baselines, averages, open runs and conditions),
/// to be stored with the readings it has seen and handed to <see cref="HerdDetector.Restore"/> after
/// a restart. Its size is fixed by the rules, not by the cow's history: about 0.5 KB of state,
/// well under 1 KB as JSON. <see cref="State"/> is a versioned binary image (base64 in JSON) because
/// restoring must reproduce the state to the bit, so that a restarted Processor raises exactly what
/// an uninterrupted one would.
/// </summary>
/// <param name="LastMeasuredAt">Event time of the newest reading folded into the state.</param>
/// <param name="FormatVersion">Layout of <see cref="State"/>; a Processor refuses layouts it does not know.</param>
public sealed record CowDetectionSnapshot(
    string CowId,
    string FarmId,
    DateTimeOffset LastMeasuredAt,
    int FormatVersion,
    byte[] State);
