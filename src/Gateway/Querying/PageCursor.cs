using System.Buffers.Text;
using System.Text.Json;

namespace CowHealth.Gateway.Querying;

/// <summary>
/// The position after the last item of a page, handed to the client as an opaque token. Pages
/// are keyset pages: the next one starts after this position rather than after a count of rows,
/// so rows that arrive meanwhile neither shift nor repeat the items still to come.
/// </summary>
public static class PageCursor
{
    // Every field present and none null where the position has none: anything else is no cursor of ours.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    public static string Encode<T>(T position)
        where T : class =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(position, Json));

    /// <summary>The position, or null when the token is not one <see cref="Encode{T}"/> made for <typeparamref name="T"/>.</summary>
    public static T? Decode<T>(string token)
        where T : class
    {
        if (token.Length is 0 or > 1_024 || !Base64Url.IsValid(token))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(Base64Url.DecodeFromChars(token), Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
