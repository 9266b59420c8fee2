namespace CowHealth.Connector.Polling;

/// <summary>Why a poll failed, as the <c>reason</c> label of <c>cowhealth_connector_poll_failures</c>: a closed set.</summary>
public static class PollFailure
{
    /// <summary>The vendor answered with an error status (4xx, 5xx).</summary>
    public const string Status = "status";

    /// <summary>No answer within <c>Connector:RequestTimeout</c>.</summary>
    public const string Timeout = "timeout";

    /// <summary>The vendor could not be reached (DNS, refused, reset).</summary>
    public const string Network = "network";

    /// <summary>The vendor answered 2xx with a body that is not a readings page.</summary>
    public const string Malformed = "malformed";

    /// <summary>Kafka or the position store failed after a good page; the page is fetched and sent again.</summary>
    public const string Downstream = "downstream";
}
