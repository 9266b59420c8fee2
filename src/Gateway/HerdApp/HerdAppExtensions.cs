using CowHealth.Gateway.HerdApp.Herd;
using CowHealth.Gateway.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting.StaticWebAssets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CowHealth.Gateway.HerdApp;

/// <summary>
/// The herd app farm staff open on a phone: Razor components rendered on the server over the
/// Gateway's own queries, at <c>/</c> (herd), <c>/cows/{cowId}</c>, <c>/alerts/{alertId}</c> and <c>/sign-in</c>.
/// </summary>
public static class HerdAppExtensions
{
    public static IHostApplicationBuilder AddHerdApp(this IHostApplicationBuilder builder)
    {
        // Run from a build (not a publish), the app's files and plotly.js are not in a wwwroot of the
        // output but where the build's manifest says (the project and the package cache). The host
        // reads that manifest only in Development by itself; a published app has no manifest and its
        // files in wwwroot, and this does nothing there.
        if (builder.Environment is IWebHostEnvironment web && !web.IsDevelopment())
        {
            StaticWebAssetsLoader.UseStaticWebAssets(web, builder.Configuration);
        }

        var services = builder.Services;
        services.AddOptions<HerdAppOptions>().BindConfiguration(HerdAppOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<FarmClock>();
        services.AddRazorComponents();
        return builder;
    }

    /// <summary>After <c>UseGatewaySecurity</c>: pages see who is signed in, and forms are checked against forgery.</summary>
    public static WebApplication MapHerdApp(this WebApplication app)
    {
        app.UseAntiforgery();
        // The app's own script and styles and plotly.js from Plotly.Blazor's package: public, so the sign-in page has them too.
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().RequireAuthorization(GatewayPolicies.AppRead);
        app.MapGet("/app/herd-board", HerdBoardFragment).RequireAuthorization(GatewayPolicies.AppRead).ExcludeFromDescription();
        app.MapPost("/sign-out", SignOutAsync).WithMetadata(new RequireAntiforgeryTokenAttribute()).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>The herd page's live part, drawn again for its script when the alert stream says something changed.</summary>
    private static Results<RazorComponentResult<HerdBoard>, ProblemHttpResult> HerdBoardFragment(string? farm, string? condition)
    {
        var (filter, problems) = HerdFilter.Parse(farm, condition);
        if (filter is null)
        {
            return TypedResults.Problem(string.Join(" ", problems), statusCode: StatusCodes.Status400BadRequest, title: "Some request parameters are not valid.");
        }

        return new RazorComponentResult<HerdBoard>(new Dictionary<string, object?> { [nameof(HerdBoard.Filter)] = filter });
    }

    private static async Task SignOutAsync(HttpContext http)
    {
        // The antiforgery middleware only checks and records; refusing is up to the endpoint.
        if (http.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true })
        {
            await http.WriteProblemAsync(StatusCodes.Status400BadRequest, "Sign out not accepted",
                "The form did not carry a valid antiforgery token. Sign out from a page of this Gateway.");
            return;
        }

        await http.SignOutAsync(SignInCookie.Scheme);
        http.Response.Redirect("/");
    }
}
