using System.ComponentModel.DataAnnotations;

namespace CowHealth.Connector.Accounts;

/// <summary>What the Connector polls and how patiently. Section <c>Connector</c>.</summary>
public sealed class ConnectorOptions : IValidatableObject
{
    public const string Section = "Connector";

    /// <summary>Longest account name: it is the key of the stored position.</summary>
    public const int MaxAccountNameLength = Storage.StorageLimits.IdLength;

    /// <summary>
    /// The vendor accounts, by a name of your choosing (<c>Connector:Accounts:farm-a:BaseUrl</c>). The
    /// name keys the stored position: renaming an account starts it again from the oldest reading the
    /// vendor still has.
    /// </summary>
    public Dictionary<string, VendorAccountOptions> Accounts { get; set; } = [];

    /// <summary>Readings asked for per poll (<c>limit</c>). Default 500; the Fake API serves at most 1,000.</summary>
    [Range(1, 10_000)]
    public int PageSize { get; set; } = 500;

    /// <summary>Pause between polls once caught up (a page shorter than <see cref="PageSize"/>). Default 2 s. A full page is followed at once.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one poll may take before it counts as failed. Default 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The first pause after a failed poll; it doubles with each failure in a row, up to <see cref="BackoffMax"/>. Default 1 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan BackoffFirst { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest pause between two failed polls, unless the vendor's <c>Retry-After</c> asks for longer. Default 60 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan BackoffMax { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The longest <c>Retry-After</c> honoured; a vendor asking for more is asked again after this. Default 1 h.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RetryAfterMax { get; set; } = TimeSpan.FromHours(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Accounts.Count == 0)
        {
            yield return new ValidationResult(
                "Name at least one vendor account: Connector:Accounts:<name>:BaseUrl=https://vendor.example/ (docs/connector.md).",
                [nameof(Accounts)]);
        }

        if (BackoffMax < BackoffFirst)
        {
            yield return new ValidationResult($"Connector:BackoffMax ({BackoffMax}) is shorter than Connector:BackoffFirst ({BackoffFirst}).", [nameof(BackoffMax)]);
        }

        foreach (var (name, account) in Accounts)
        {
            if (string.IsNullOrWhiteSpace(name) || name.Length > MaxAccountNameLength)
            {
                yield return new ValidationResult($"Account name '{name}' must be 1 to {MaxAccountNameLength} characters.", [nameof(Accounts)]);
            }

            if (account.BaseUrl is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                yield return new ValidationResult($"Connector:Accounts:{name}:BaseUrl must be an absolute http or https address.", [nameof(Accounts)]);
            }

            if (string.IsNullOrWhiteSpace(account.ApiKeyHeader))
            {
                yield return new ValidationResult($"Connector:Accounts:{name}:ApiKeyHeader must name a header.", [nameof(Accounts)]);
            }
        }
    }
}
