using System.Globalization;
using System.Text;
using Confluent.Kafka;

namespace CowHealth.KafkaRider.DeadLetters;

/// <summary>A record on a dead-letter topic, with what its <c>dlq-*</c> headers say.</summary>
public sealed record ParkedRecord(
    string? Key, byte[] Value, Headers Headers, string? OriginalTopic, string Reason, DateTimeOffset? ParkedAt, string ParkedAs)
{
    public static ParkedRecord From(ConsumeResult<string, byte[]> record)
    {
        var headers = record.Message.Headers ?? [];
        return new ParkedRecord(
            record.Message.Key,
            record.Message.Value,
            headers,
            Text(headers, MessageHeaders.DeadLetterOriginalTopic),
            Text(headers, MessageHeaders.DeadLetterReason) ?? "",
            DateTimeOffset.TryParse(Text(headers, MessageHeaders.DeadLetterTime), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : null,
            $"{record.Topic}/{record.Partition.Value}/{record.Offset.Value}");
    }

    /// <summary>The record as it was before it was parked, marked with where it was parked.</summary>
    public Message<string, byte[]> ToOriginal()
    {
        var original = new Headers();
        foreach (var header in Headers.Where(h => !MessageHeaders.IsDeadLetterHeader(h.Key) && h.Key != MessageHeaders.ReplayedFrom))
        {
            original.Add(header.Key, header.GetValueBytes());
        }

        original.Add(MessageHeaders.ReplayedFrom, Encoding.UTF8.GetBytes(ParkedAs));
        return new Message<string, byte[]> { Key = Key!, Value = Value, Headers = original };
    }

    private static string? Text(Headers headers, string key) =>
        headers.TryGetLastBytes(key, out var bytes) ? Encoding.UTF8.GetString(bytes) : null;
}
