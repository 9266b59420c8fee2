namespace CowHealth.Storage.Connector;

/// <summary>
/// How far the Connector has read one vendor account: the vendor's cursor (its page's <c>next</c>),
/// written only after Kafka acknowledged every reading before it, so a restart resumes there and
/// loses nothing.
/// </summary>
public sealed class VendorPosition
{
    /// <summary>The account's name in <c>Connector:Accounts</c>.</summary>
    public string Account { get; set; } = "";

    /// <summary>The vendor's cursor, passed back as <c>since</c>.</summary>
    public long Position { get; set; }

    public DateTime UpdatedAt { get; set; }
}
