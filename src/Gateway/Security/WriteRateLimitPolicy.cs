using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CowHealth.Gateway.Security;

/// <summary>
/// Writes are paced per client: a token bucket per API key's client name holding
/// <c>Gateway:WriteBurst</c> tokens and refilled at <c>Gateway:WritesPerMinute</c>. A client over
/// its limit gets 429 with <c>Retry-After</c>; other clients are not affected.
/// </summary>
internal sealed class WriteRateLimitPolicy(IOptions<GatewayAccessOptions> options) : IRateLimiterPolicy<string>
{
    // The partitioned limiter replenishes its buckets every 100 ms, so a shorter period would add nothing.
    private static readonly TimeSpan ShortestPeriod = TimeSpan.FromMilliseconds(100);

    private readonly TokenBucketRateLimiterOptions _bucket = BucketFor(options.Value);

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (rejected, cancellationToken) =>
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : _bucket.ReplenishmentPeriod;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString();
        await context.WriteProblemAsync(StatusCodes.Status429TooManyRequests, "Too many writes",
            $"This client may write {options.Value.WritesPerMinute} times a minute, in bursts of up to {options.Value.WriteBurst}. Try again in {seconds} s.");
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        // Authorization runs first, so a write reaching here is authenticated; the fallback only keeps the policy total.
        var client = httpContext.User.Identity is { IsAuthenticated: true, Name: { } name }
            ? "client:" + name
            : "address:" + httpContext.Connection.RemoteIpAddress;
        return RateLimitPartition.GetTokenBucketLimiter(client, _ => _bucket);
    }

    private static TokenBucketRateLimiterOptions BucketFor(GatewayAccessOptions access)
    {
        var tokensPerPeriod = Math.Max(1, (int)Math.Ceiling(access.WritesPerMinute * ShortestPeriod / TimeSpan.FromMinutes(1)));
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = access.WriteBurst,
            TokensPerPeriod = tokensPerPeriod,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) * tokensPerPeriod / access.WritesPerMinute,
            QueueLimit = 0,
        };
    }
}
