namespace CowHealth.Connector.Polling;

/// <summary>A poll that brought no page: the vendor refused, failed, was unreachable or too slow.</summary>
/// <param name="Reason">One of a few fixed words (<see cref="PollFailure"/>), safe as a metric label.</param>
/// <param name="RetryAfter">How long the vendor asked us to wait (<c>Retry-After</c>), if it said.</param>
public sealed class VendorUnavailableException(string reason, string message, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public string Reason { get; } = reason;

    public TimeSpan? RetryAfter { get; } = retryAfter;
}
