using System.Buffers;
using System.Globalization;
using CowHealth.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CowHealth.Gateway.Querying;

/// <summary>
/// Reads a request's parameters from their raw text and collects, field by field, what is wrong
/// with them, for one 400 problem that names every bad field. Parameters are bound as text and
/// parsed here, not by the framework, because the framework's own binding failures name no field.
/// </summary>
public sealed class ParameterErrors
{
    /// <summary>The characters a cow, farm or sensor id may have: the Processor stores nothing else.</summary>
    public const string IdPattern = "^[A-Za-z0-9_.:-]{1,64}$";

    private static readonly SearchValues<char> IdCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:");

    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message) =>
        _errors[field] = _errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];

    /// <summary>Each bad field with what is wrong with it, e.g. "farm: is empty.", as a page lists them.</summary>
    public IReadOnlyList<string> Messages => [.. _errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")];

    /// <summary>400 application/problem+json with <c>errors</c> keyed by field, and every field named in the detail too.</summary>
    public ValidationProblem ToProblem() => TypedResults.ValidationProblem(
        _errors,
        detail: string.Join(" ", Messages),
        title: "Some request parameters are not valid.");

    /// <summary>A cow or farm id; null (with an error when required) when missing or malformed.</summary>
    public string? Id(string? value, string field, bool required = false)
    {
        if (value is null)
        {
            if (required)
            {
                Add(field, "is required.");
            }

            return null;
        }

        if (value.Length == 0)
        {
            Add(field, "is empty.");
            return null;
        }

        if (value.Length > StorageLimits.IdLength)
        {
            Add(field, $"is longer than {StorageLimits.IdLength} characters.");
            return null;
        }

        if (value.AsSpan().ContainsAnyExcept(IdCharacters))
        {
            Add(field, "may only have letters, digits and -_.:");
            return null;
        }

        return value;
    }

    public Guid? Uuid(string? value, string field)
    {
        if (System.Guid.TryParse(value, out var id))
        {
            return id;
        }

        Add(field, $"'{Shorten(value)}' is not a UUID such as 3f2c8a52-9d1e-4c7a-b0e1-5d9a1f6e2b47.");
        return null;
    }

    /// <summary>One enum value by its name (any case); numbers are not names.</summary>
    public T? Enum<T>(string? value, string field)
        where T : struct, Enum
    {
        if (value is null)
        {
            return null;
        }

        if (NameOf<T>(value) is { } known)
        {
            return known;
        }

        Add(field, $"'{Shorten(value)}' is not one of {string.Join(", ", System.Enum.GetNames<T>())}.");
        return null;
    }

    /// <summary>Any number of enum values, as repeated parameters or comma-separated; empty when none is given.</summary>
    public IReadOnlyList<T> Enums<T>(string[]? values, string field)
        where T : struct, Enum
    {
        if (values is null || values.Length == 0)
        {
            return [];
        }

        var parsed = new List<T>();
        foreach (var value in values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries)))
        {
            if (Enum<T>(value, field) is { } known && !parsed.Contains(known))
            {
                parsed.Add(known);
            }
        }

        return parsed;
    }

    /// <summary>An RFC 3339 date-time with a zone (<c>Z</c> or an offset); null when absent or malformed.</summary>
    public DateTimeOffset? Time(string? value, string field, bool required = false)
    {
        if (value is null)
        {
            if (required)
            {
                Add(field, "is required: an RFC 3339 date-time such as 2026-05-01T06:00:00Z.");
            }

            return null;
        }

        // Without a zone a time is ambiguous; the 'T' form keeps '2026-05-01' and '05/01/2026' out.
        if (value.Length >= 20 && value[10] == 'T' && (value[^1] is 'Z' or 'z' || value[^6] is '+' or '-')
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }

        var hint = value.Contains(' ', StringComparison.Ordinal) ? " A '+' in a query string must be sent as %2B." : "";
        Add(field, $"'{Shorten(value)}' is not an RFC 3339 date-time with a zone, such as 2026-05-01T06:00:00Z.{hint}");
        return null;
    }

    /// <summary>How many items a page holds: the default when absent, 1 to the maximum otherwise.</summary>
    public int PageSize(string? value, PagingOptions paging, string field = "limit")
    {
        if (value is null)
        {
            return paging.DefaultPageSize;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size >= 1 && size <= paging.MaxPageSize)
        {
            return size;
        }

        Add(field, $"'{Shorten(value)}' is not a whole number from 1 to {paging.MaxPageSize}.");
        return paging.DefaultPageSize;
    }

    /// <summary>A cursor this API issued for the same listing, or null for the first page.</summary>
    public T? Cursor<T>(string? value, string field = "cursor")
        where T : class
    {
        if (value is null)
        {
            return null;
        }

        if (PageCursor.Decode<T>(value) is { } cursor)
        {
            return cursor;
        }

        Add(field, "is not a cursor this listing issued: pass nextCursor from the previous page unchanged, with the same sort.");
        return null;
    }

    /// <summary>A window [from, to): both or either may be open; when both are given, from must come first.</summary>
    public void Ordered(DateTimeOffset? from, DateTimeOffset? to, string fromField = "from", string toField = "to")
    {
        if (from is { } start && to is { } end && end <= start)
        {
            Add(toField, $"must be after {fromField}.");
        }
    }

    private static T? NameOf<T>(string value)
        where T : struct, Enum
    {
        foreach (var name in System.Enum.GetNames<T>())
        {
            if (name.Equals(value, StringComparison.OrdinalIgnoreCase))
            {
                return System.Enum.Parse<T>(name);
            }
        }

        return null;
    }

    /// <summary>Echoes a bad value without letting a huge one fill the answer.</summary>
    private static string Shorten(string? value) => value is null ? "" : value.Length <= 40 ? value : value[..40] + "…";
}
