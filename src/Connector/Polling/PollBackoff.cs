using CowHealth.Connector.Accounts;

namespace CowHealth.Connector.Polling;

/// <summary>
/// How long to leave a failing vendor alone: capped exponential back-off, and never less than the
/// vendor's own <c>Retry-After</c> (itself capped, so a vendor's typo cannot silence an account for a week).
/// </summary>
public sealed class PollBackoff(ConnectorOptions options)
{
    /// <param name="failuresInARow">1 after the first failure.</param>
    public TimeSpan After(int failuresInARow, TimeSpan? retryAfter)
    {
        var exponent = Math.Clamp(failuresInARow - 1, 0, 30);
        var ticks = Math.Min(options.BackoffFirst.Ticks * Math.Pow(2, exponent), options.BackoffMax.Ticks);
        var pause = TimeSpan.FromTicks((long)ticks);
        if (retryAfter is { } asked && asked > pause)
        {
            pause = asked < options.RetryAfterMax ? asked : options.RetryAfterMax;
        }

        return pause;
    }
}
