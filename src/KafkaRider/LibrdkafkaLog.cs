using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace CowHealth.KafkaRider;

/// <summary>Sends librdkafka's own log lines (syslog levels) to the service's logger instead of stderr.</summary>
public static class LibrdkafkaLog
{
    public static void Write(ILogger logger, LogMessage message)
    {
        var level = message.Level switch
        {
            SyslogLevel.Emergency or SyslogLevel.Alert or SyslogLevel.Critical or SyslogLevel.Error => LogLevel.Error,
            SyslogLevel.Warning => LogLevel.Warning,
            // Connection resets and refusals are reported at notice level; the client retries them by itself.
            SyslogLevel.Notice or SyslogLevel.Info => LogLevel.Information,
            _ => LogLevel.Debug,
        };
        logger.Log(level, "librdkafka {Client} {Facility}: {Message}", message.Name, message.Facility, message.Message);
    }
}
