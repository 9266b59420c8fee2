using Microsoft.AspNetCore.Diagnostics;

namespace CowHealth.Gateway.HerdApp.PageParts;

/// <summary>
/// Sets the status code of a page that says itself what went wrong (unknown cow, bad parameter,
/// database down). The status is applied as the response starts: Blazor's renderer (.NET 10) sends
/// no body at all for a page that ends rendering with 404, expecting a re-executed error page, and
/// the page's own words are what a person needs. The Gateway's status code pages (a problem+json
/// body for a bare error status) are switched off for the request for the same reason.
/// </summary>
public static class PageStatus
{
    public static void Set(HttpContext? http, int statusCode)
    {
        if (http is null || http.Response.HasStarted)
        {
            return;
        }

        http.Response.OnStarting(() =>
        {
            http.Response.StatusCode = statusCode;
            return Task.CompletedTask;
        });
        if (http.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
        {
            statusCodePages.Enabled = false;
        }
    }
}
