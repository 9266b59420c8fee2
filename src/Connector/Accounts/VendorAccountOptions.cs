using System.ComponentModel.DataAnnotations;

namespace CowHealth.Connector.Accounts;

/// <summary>One vendor account (usually one farm): where its API is and how to sign in. Never logged.</summary>
public sealed class VendorAccountOptions
{
    /// <summary>The vendor API's base address; the Connector reads <c>{BaseUrl}/api/readings</c>.</summary>
    [Required]
    public Uri? BaseUrl { get; set; }

    /// <summary>The account's API key, sent in <see cref="ApiKeyHeader"/>. Empty: none sent (the Simulator's Fake API wants none).</summary>
    public string? ApiKey { get; set; }

    /// <summary>The header that carries <see cref="ApiKey"/>. Default <c>X-Api-Key</c>; <c>Authorization</c> sends <c>Bearer {ApiKey}</c>.</summary>
    [Required]
    public string ApiKeyHeader { get; set; } = "X-Api-Key";

    /// <summary>What a log line or a metric may show of this account: its address without any user info or query.</summary>
    public string SafeAddress => BaseUrl is null ? "(none)" : BaseUrl.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
}
