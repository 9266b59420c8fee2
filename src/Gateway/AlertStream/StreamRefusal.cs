namespace CowHealth.Gateway.AlertStream;

/// <summary>Why a live stream was not opened.</summary>
public enum StreamRefusal
{
    None,

    /// <summary>The Gateway holds <c>MaxStreams</c> streams.</summary>
    TooManyStreams,

    /// <summary>The client holds <c>MaxStreamsPerClient</c> streams.</summary>
    TooManyForClient,
}
