namespace CowHealth.Gateway.Security;

/// <summary>
/// Authorization policy names for the Gateway's endpoints. Put <see cref="Read"/> on a route group
/// that serves data (<c>group.RequireAuthorization(GatewayPolicies.Read)</c>) and <see cref="Write"/>
/// on anything that changes something. An endpoint with neither gets <see cref="Read"/> anyway (it is
/// the fallback policy), so a forgotten one is never more open than the rest of the API.
/// </summary>
public static class GatewayPolicies
{
    /// <summary>Reading cows, readings, alerts and the live stream: open, or an API key when <c>Gateway:ReadsRequireApiKey</c> is on.</summary>
    public const string Read = "cowhealth-read";

    /// <summary>The herd app's pages: open, or signed in (<see cref="SignInCookie"/>) when <c>Gateway:ReadsRequireApiKey</c> is on; a page asks a stranger to sign in.</summary>
    public const string AppRead = "cowhealth-app-read";

    /// <summary>Acknowledging alerts and any other change: always an API key from <c>Gateway:ApiKeys</c>.</summary>
    public const string Write = "cowhealth-write";

    /// <summary>Rate limiter policy for writes: a token bucket per client (<c>Gateway:WritesPerMinute</c>, <c>Gateway:WriteBurst</c>).</summary>
    public const string WriteRateLimit = "cowhealth-writes";
}
