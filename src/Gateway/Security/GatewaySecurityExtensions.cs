using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace CowHealth.Gateway.Security;

/// <summary>API keys, the read and write policies, and per-client rate limits on writes.</summary>
public static class GatewaySecurityExtensions
{
    public static IServiceCollection AddGatewaySecurity(this IServiceCollection services)
    {
        services.AddOptions<GatewayAccessOptions>().BindConfiguration(GatewayAccessOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ApiKeyRing>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddCookie(SignInCookie.Scheme, SignInCookie.Configure);
        services.AddAuthorization();
        services.AddOptions<AuthorizationOptions>().Configure<IOptions<GatewayAccessOptions>>((authorization, access) =>
        {
            var open = new AuthorizationPolicyBuilder().RequireAssertion(_ => true).Build();
            var keyed = new AuthorizationPolicyBuilder(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser().Build();
            // A person signed in to the herd app reads what a keyed client reads: the app's live stream is the API's.
            var keyedOrSignedIn = new AuthorizationPolicyBuilder(ApiKeyAuthenticationHandler.SchemeName, SignInCookie.Scheme).RequireAuthenticatedUser().Build();
            var signedIn = new AuthorizationPolicyBuilder(SignInCookie.Scheme).RequireAuthenticatedUser().Build();
            var read = access.Value.ReadsRequireApiKey ? keyedOrSignedIn : open;
            authorization.AddPolicy(GatewayPolicies.Write, keyed);
            authorization.AddPolicy(GatewayPolicies.Read, read);
            // Open pages still read the cookie, so that they know who is signed in.
            var openWithSignIn = new AuthorizationPolicyBuilder(SignInCookie.Scheme).RequireAssertion(_ => true).Build();
            authorization.AddPolicy(GatewayPolicies.AppRead, access.Value.ReadsRequireApiKey ? signedIn : openWithSignIn);
            authorization.FallbackPolicy = read;
        });
        services.AddRateLimiter(limiter =>
        {
            // Policies write their own problem+json; this is the status they start from.
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy<string, WriteRateLimitPolicy>(GatewayPolicies.WriteRateLimit);
        });
        return services;
    }

    /// <summary>Authentication, then authorization, then rate limits: a request without a valid key never spends a client's writes.</summary>
    public static WebApplication UseGatewaySecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>An endpoint that changes something: an API key, always, and the client's write rate limit.</summary>
    public static TBuilder RequireWriteAccess<TBuilder>(this TBuilder endpoint)
        where TBuilder : IEndpointConventionBuilder =>
        endpoint.RequireAuthorization(GatewayPolicies.Write).RequireRateLimiting(GatewayPolicies.WriteRateLimit);

    /// <summary>An endpoint that serves data: open, or keyed when <c>Gateway:ReadsRequireApiKey</c> is on.</summary>
    public static TBuilder RequireReadAccess<TBuilder>(this TBuilder endpoint)
        where TBuilder : IEndpointConventionBuilder =>
        endpoint.RequireAuthorization(GatewayPolicies.Read);
}
