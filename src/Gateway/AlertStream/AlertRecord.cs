using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using CowHealth.KafkaRider;

namespace CowHealth.Gateway.AlertStream;

/// <summary>One record of <c>cow-health-alerts</c> as the stream sends it: its contract name and its JSON, untouched.</summary>
public sealed record AlertRecord(string EventType, byte[] Json)
{
    public static AlertRecord From(Message<Ignore, byte[]> message) => new(EventTypeOf(message.Headers), message.Value ?? []);

    /// <summary>
    /// The farm the event belongs to, read from its <c>farmId</c>. Null for a record without one
    /// (<c>AcknowledgementRejected</c> names no farm) or one that is not JSON.
    /// </summary>
    public string? FarmId()
    {
        try
        {
            var reader = new Utf8JsonReader(Json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isFarm = reader.ValueTextEquals("farmId"u8);
                reader.Read();
                if (isFarm)
                {
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }

                reader.Skip();
            }

            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public string Data => Encoding.UTF8.GetString(Json);

    // The header carries the contract's full name (CowHealth.Contracts.AlertRaised); the stream names events by the short one.
    private static string EventTypeOf(Headers? headers)
    {
        if (headers is null || !headers.TryGetLastBytes(MessageHeaders.MessageType, out var bytes))
        {
            return "message";
        }

        var type = Encoding.UTF8.GetString(bytes);
        return type[(type.LastIndexOf('.') + 1)..];
    }
}
