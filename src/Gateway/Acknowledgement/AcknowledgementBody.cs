using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using CowHealth.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CowHealth.Gateway.Acknowledgement;

/// <summary>
/// Reads and checks an acknowledgement's body, answering every way it can be wrong with a 4xx
/// problem that names the field: not JSON, too large, unknown or mistyped fields, missing or
/// over-long values. The limits are the alert table's columns, so a command that passes here can
/// always be stored by the Processor and never turns into a poison message.
/// </summary>
internal static class AcknowledgementBody
{
    /// <summary>
    /// Room for the longest valid body even with every character escaped as <c>\uXXXX</c>
    /// ((200 + 2,000) × 6 bytes), and nothing like a stray upload.
    /// </summary>
    public const int MaxBytes = 16 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // A misspelt field ("notes") would otherwise be dropped without a word.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        // {"acknowledgedBy":"Jo","acknowledgedBy":"Al"} is ambiguous: refuse it rather than pick one.
        AllowDuplicateProperties = false,
    };

    public static async Task<(AcknowledgementRequest? Body, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return (null, TypedResults.Problem(
                $"Send the body as application/json, not '{request.ContentType ?? "nothing"}'.",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported content type"));
        }

        if (request.ContentLength > MaxBytes)
        {
            return (null, TooLarge());
        }

        var body = new ArrayBufferWriter<byte>(1024);
        try
        {
            // Read at most one byte past the limit: a body without a length cannot make us hold more.
            while (body.WrittenCount <= MaxBytes)
            {
                var read = await request.Body.ReadAsync(body.GetMemory(4096), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                body.Advance(read);
            }
        }
        catch (BadHttpRequestException ex)
        {
            // Kestrel's own limits and framing errors (a body larger than the server allows, a broken chunk).
            return (null, TypedResults.Problem(ex.Message, statusCode: ex.StatusCode, title: "Unreadable request body"));
        }

        if (body.WrittenCount > MaxBytes)
        {
            return (null, TooLarge());
        }

        if (body.WrittenCount == 0)
        {
            return (null, Invalid("body", "A JSON body is required, e.g. {\"acknowledgedBy\": \"Jo Vet\", \"note\": \"treating\"}."));
        }

        AcknowledgementRequest? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<AcknowledgementRequest>(body.WrittenSpan, Json);
        }
        catch (JsonException ex)
        {
            var field = ex.Path is null or "$" ? "body" : ex.Path.TrimStart('$', '.');
            return (null, Invalid(field, "Not a valid acknowledgement: " + ex.Message));
        }

        if (parsed is null)
        {
            return (null, Invalid("body", "The body must be a JSON object, not null."));
        }

        var (valid, errors) = parsed.Validate();
        return errors.Count > 0 ? (null, Invalid(errors)) : (valid, null);
    }

    private static ProblemHttpResult TooLarge() => TypedResults.Problem(
        $"An acknowledgement's body is at most {MaxBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Body too large");

    private static ProblemHttpResult Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>A 400 validation problem whose <c>errors</c> name the fields.</summary>
    public static ProblemHttpResult Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The acknowledgement is not valid",
        });
}
