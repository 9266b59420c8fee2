namespace CowHealth.Gateway.AlertStream;

/// <summary>
/// Where one live stream's records come from: the Gateway's shared <see cref="AlertFeed"/> (almost
/// every stream), or a reader of its own (<see cref="AlertTopicCursor"/>) for a resume from further
/// back than the feed keeps. Either keeps the stream's exact <see cref="Position"/>.
/// </summary>
public interface IAlertSource : IDisposable
{
    /// <summary>What the stream has sent (or skipped) so far.</summary>
    StreamPosition Position { get; }

    /// <summary>Partitions where the resume position asked for records the topic no longer keeps.</summary>
    IReadOnlyList<StreamGap> Gaps { get; }

    /// <summary>
    /// Why no record can arrive now (Kafka unreachable), or null while the source reads. Only the
    /// shared feed watches this; a reader of its own says null. <see cref="NextAsync"/> returns null
    /// early when it changes.
    /// </summary>
    string? Unavailable => null;

    /// <summary>
    /// The next record, or null when none arrived within <paramref name="wait"/>. Throws
    /// <see cref="AlertSourceEndedException"/> when the source cannot go on (the client fell too far
    /// behind, or Kafka failed); the client resumes from the last id it had and loses nothing.
    /// </summary>
    ValueTask<AlertRecord?> NextAsync(TimeSpan wait, CancellationToken cancellationToken);
}
