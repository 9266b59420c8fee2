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
}
