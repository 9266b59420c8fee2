using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CowHealth.Gateway.Security;

/// <summary>
/// Authenticates a client by an API key sent in <c>X-Api-Key</c> or as <c>Authorization: Bearer &lt;key&gt;</c>.
/// The identity's name is the client's name from <c>Gateway:ApiKeys</c>; the key itself is never
/// logged nor kept. Challenges answer with a problem+json that says what to send, or, when the
/// Gateway has no key at all, that writes are switched off and which setting switches them on.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyRing keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    public const string HeaderName = "X-Api-Key";

    private const string BearerPrefix = "Bearer ";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedKeys();
        if (presented.Count == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (presented.Count > 1)
        {
            return Task.FromResult(AuthenticateResult.Fail($"More than one API key was sent; send one, in {HeaderName} or as a bearer token."));
        }

        var client = keys.ClientOf(presented[0]);
        if (client is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("The API key sent is not one this Gateway knows."));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, client)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (keys.IsEmpty)
        {
            // No key could ever succeed, so asking for one (401) would only send the client guessing.
            await Context.WriteProblemAsync(StatusCodes.Status403Forbidden, "Writes are disabled",
                "This Gateway has no API key configured, so it accepts no writes. Its operator can enable them by setting " +
                $"Gateway:ApiKeys:<client-name> to a key of at least {GatewayAccessOptions.MinimumKeyLength} characters.");
            return;
        }

        var result = await HandleAuthenticateOnceSafeAsync();
        Response.Headers.WWWAuthenticate = "Bearer realm=\"CowHealth\"";
        await Context.WriteProblemAsync(StatusCodes.Status401Unauthorized, "API key required",
            result.Failure?.Message
            ?? $"This request needs an API key: send it in the {HeaderName} header or as 'Authorization: Bearer <key>'.");
    }

    private List<string> PresentedKeys()
    {
        List<string> presented = [];
        foreach (var value in Request.Headers[HeaderName])
        {
            if (!string.IsNullOrEmpty(value))
            {
                presented.Add(value.Trim());
            }
        }

        foreach (var value in Request.Headers[HeaderNames.Authorization])
        {
            // Other schemes (Basic, ...) are not ours: they neither authenticate nor fail here.
            if (value is not null && value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
            {
                presented.Add(value[BearerPrefix.Length..].Trim());
            }
        }

        return presented;
    }
}
