using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CowHealth.Gateway.AlertStream;

/// <summary>
/// At most <c>Gateway:AlertStream:MaxStreams</c> live streams at once, over all clients: each holds a
/// Kafka consumer for as long as it is open. One more is refused with 503 and <c>Retry-After</c>.
/// </summary>
internal sealed class AlertStreamLimitPolicy(IOptions<AlertStreamOptions> options) : IRateLimiterPolicy<string>
{
    public const string Name = "cowhealth-alert-streams";

    private const string AllStreams = "alert-streams";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (rejected, _) =>
    {
        rejected.HttpContext.Response.Headers.RetryAfter = "5";
        await rejected.HttpContext.WriteProblemAsync(StatusCodes.Status503ServiceUnavailable, "Too many live streams",
            $"The Gateway serves at most {options.Value.MaxStreams} live alert streams at once. Try again shortly.");
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.GetConcurrencyLimiter(AllStreams, _ => new ConcurrencyLimiterOptions
        {
            PermitLimit = options.Value.MaxStreams,
            QueueLimit = 0,
        });
}
