using CowHealth.Storage;

namespace CowHealth.Gateway.Acknowledgement;

/// <summary>The body of <c>POST /api/alerts/{alertId}/acknowledge</c>, and what the herd app's Acknowledge form sends.</summary>
/// <param name="AcknowledgedBy">Who takes the alert on, as they want to appear in its history (required, at most 200 characters).</param>
/// <param name="Note">Free text for the next person, e.g. "vet called, treating for mastitis" (at most 2,000 characters).</param>
public sealed record AcknowledgementRequest(string? AcknowledgedBy, string? Note)
{
    /// <summary>The request with the name trimmed, and what is wrong with it by field (camelCase, as the JSON names them).</summary>
    public (AcknowledgementRequest Trimmed, Dictionary<string, string[]> Errors) Validate()
    {
        var person = AcknowledgedBy?.Trim();
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(person))
        {
            errors["acknowledgedBy"] = ["Say who takes the alert on."];
        }
        else if (person.Length > StorageLimits.PersonLength)
        {
            errors["acknowledgedBy"] = [$"At most {StorageLimits.PersonLength} characters."];
        }
        else if (person.Any(char.IsControl))
        {
            errors["acknowledgedBy"] = ["A name has no line breaks or other control characters."];
        }

        if (Note is { Length: > StorageLimits.NoteLength })
        {
            errors["note"] = [$"At most {StorageLimits.NoteLength} characters."];
        }

        return (this with { AcknowledgedBy = person }, errors);
    }
}
