namespace CowHealth.Gateway.AlertStream;

/// <summary>
/// A resume that cannot be gapless: the client asked for <paramref name="RequestedOffset"/> on
/// <paramref name="Partition"/>, but the topic keeps records from <paramref name="ResumedAtOffset"/> on.
/// </summary>
public sealed record StreamGap(int Partition, long RequestedOffset, long ResumedAtOffset)
{
    public long MissedRecords => ResumedAtOffset - RequestedOffset;
}
