using System.Net.Http.Json;

namespace CowHealth.Tests.Gateway;

/// <summary>An RFC 9457 problem as a client reads it; <see cref="Errors"/> names the fields of a validation problem.</summary>
public sealed record ProblemBody(string? Title, int Status, string? Detail, Dictionary<string, string[]>? Errors)
{
    public const string MediaType = "application/problem+json";

    /// <summary>Asserts the response is a problem+json with <paramref name="status"/> and returns it.</summary>
    public static async Task<ProblemBody> ReadAsync(HttpResponseMessage response, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(MediaType, response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemBody>();
        Assert.NotNull(problem);
        Assert.Equal(status, problem.Status);
        return problem;
    }
}
