using System.Globalization;
using System.Text;
using Confluent.Kafka;

namespace CowHealth.KafkaRider;

/// <summary>Kafka record headers the rider writes and reads.</summary>
public static class MessageHeaders
{
    public const string MessageType = "message-type";
    public const string SchemaVersion = "schema-version";
    public const string MessageId = "message-id";
    public const string CorrelationId = "correlation-id";
    public const string SentTime = "sent-time";
    public const string DeadLetterReason = "dlq-reason";
    public const string DeadLetterExceptionType = "dlq-exception-type";
    public const string DeadLetterOriginalTopic = "dlq-original-topic";
    public const string DeadLetterOriginalPartition = "dlq-original-partition";
    public const string DeadLetterOriginalOffset = "dlq-original-offset";
    public const string DeadLetterTime = "dlq-time";

    /// <summary>On a record put back by a replay: where it was parked, as <c>topic/partition/offset</c>.</summary>
    public const string ReplayedFrom = "replayed-from";

    /// <summary>Whether a header is one the dead-letter publisher added (and a replay takes off again).</summary>
    public static bool IsDeadLetterHeader(string key) => key.StartsWith("dlq-", StringComparison.Ordinal);

    /// <summary>The headers every CowHealth message carries on its topic.</summary>
    public static Headers For(string messageType, int schemaVersion, Guid messageId, Guid correlationId, DateTimeOffset sentAt) => new()
    {
        { MessageType, Encoding.UTF8.GetBytes(messageType) },
        { SchemaVersion, Encoding.UTF8.GetBytes(schemaVersion.ToString(CultureInfo.InvariantCulture)) },
        { MessageId, Encoding.UTF8.GetBytes(messageId.ToString()) },
        { CorrelationId, Encoding.UTF8.GetBytes(correlationId.ToString()) },
        { SentTime, Encoding.UTF8.GetBytes(sentAt.ToString("O")) },
    };
}
