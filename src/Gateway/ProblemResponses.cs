namespace CowHealth.Gateway;

/// <summary>Writes a problem+json answer from middleware (authentication, rate limiting), where no endpoint result runs.</summary>
internal static class ProblemResponses
{
    /// <summary>
    /// Through <see cref="Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult"/>, which writes JSON even when the
    /// client's Accept header names something else (an EventSource asks for text/event-stream): an error is always problem+json.
    /// </summary>
    public static Task WriteProblemAsync(this HttpContext context, int status, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title).ExecuteAsync(context);
}
