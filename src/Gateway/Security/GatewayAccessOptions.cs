using System.ComponentModel.DataAnnotations;

namespace CowHealth.Gateway.Security;

/// <summary>Who may use the Gateway and how often they may write. Section <c>Gateway</c>.</summary>
public sealed class GatewayAccessOptions : IValidatableObject
{
    public const string Section = "Gateway";

    /// <summary>Shortest API key accepted: long enough that guessing one is hopeless.</summary>
    public const int MinimumKeyLength = 16;

    /// <summary>
    /// API keys by client name, e.g. <c>Gateway:ApiKeys:farm-app=…</c>. The name identifies the client in
    /// logs and rate limits; the key never leaves this object. Empty by default: none is built in,
    /// and without one the Gateway refuses every write.
    /// </summary>
    public Dictionary<string, string> ApiKeys { get; set; } = [];

    /// <summary>Whether reading (cows, readings, alerts, the live stream) needs an API key too. Default false.</summary>
    public bool ReadsRequireApiKey { get; set; }

    /// <summary>Writes each client may make per minute, on average. Default 60.</summary>
    [Range(1, 1_000_000)]
    public int WritesPerMinute { get; set; } = 60;

    /// <summary>Writes a client may make at once before <see cref="WritesPerMinute"/> paces it. Default 10.</summary>
    [Range(1, 1_000_000)]
    public int WriteBurst { get; set; } = 10;

    public bool AcceptsWrites => ApiKeys.Count > 0;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (client, key) in ApiKeys)
        {
            // Name the client, never the key: start-up errors end up in logs.
            if (string.IsNullOrWhiteSpace(key) || key.Length < MinimumKeyLength)
            {
                yield return new ValidationResult(
                    $"The API key of client '{client}' is shorter than {MinimumKeyLength} characters; use a long random one (e.g. `openssl rand -hex 32`).",
                    [nameof(ApiKeys)]);
            }
        }

        foreach (var shared in ApiKeys.Where(k => !string.IsNullOrEmpty(k.Value)).GroupBy(k => k.Value, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            yield return new ValidationResult(
                $"Clients {string.Join(", ", shared.Select(k => $"'{k.Key}'"))} share one API key; give each client its own so that it can be told apart and revoked.",
                [nameof(ApiKeys)]);
        }

        if (ReadsRequireApiKey && !AcceptsWrites)
        {
            yield return new ValidationResult(
                "Gateway:ReadsRequireApiKey is on but no key is configured in Gateway:ApiKeys, so nobody could read: set a key or turn reads open.",
                [nameof(ReadsRequireApiKey)]);
        }
    }
}
