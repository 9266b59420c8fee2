using System.ComponentModel.DataAnnotations;

namespace CowHealth.Gateway.Querying;

/// <summary>Section <c>Gateway:Paging</c>: how long the pages of listings are.</summary>
public sealed class PagingOptions
{
    public const string Section = "Gateway:Paging";

    /// <summary>Items on a page when the request does not say. Default 50.</summary>
    [Range(1, 10_000)]
    public int DefaultPageSize { get; set; } = 50;

    /// <summary>The most items a request may ask for (<c>limit</c>); more is a 400. Default 200.</summary>
    [Range(1, 10_000)]
    public int MaxPageSize { get; set; } = 200;
}
