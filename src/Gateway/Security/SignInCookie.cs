using Microsoft.AspNetCore.Authentication.Cookies;

namespace CowHealth.Gateway.Security;

/// <summary>
/// The herd app's sign-in: a person proves an API key from <c>Gateway:ApiKeys</c> once, and gets a
/// cookie naming that key's client (the key itself is not in it). HttpOnly, so no script reads it;
/// SameSite=Strict, so no other site's page sends it; every form carries an antiforgery token too.
/// The cookie counts for the app's pages and its reads; the JSON API's writes still want the key itself.
/// </summary>
public static class SignInCookie
{
    public const string Scheme = "HerdAppSignIn";

    public const string CookieName = "cowhealth-signin";

    public static void Configure(CookieAuthenticationOptions cookie)
    {
        cookie.Cookie.Name = CookieName;
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Strict;
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
        cookie.SlidingExpiration = true;
        cookie.LoginPath = "/sign-in";
        cookie.AccessDeniedPath = "/sign-in";
        cookie.ReturnUrlParameter = "returnUrl";
        cookie.Events.OnRedirectToLogin = context =>
        {
            // The JSON API answers for itself (the API key scheme's 401 problem); only pages go to the sign-in page.
            if (!context.Request.Path.StartsWithSegments("/api"))
            {
                context.Response.Redirect(context.RedirectUri);
            }

            return Task.CompletedTask;
        };
        cookie.Events.OnRedirectToAccessDenied = cookie.Events.OnRedirectToLogin;
    }
}
