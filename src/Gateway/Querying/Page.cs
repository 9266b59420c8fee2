namespace CowHealth.Gateway.Querying;

/// <summary>One page of a listing. <paramref name="NextCursor"/> fetches the next page; null on the last one.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
