using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace CowHealth.EmbeddedKafka;

/// <summary>
/// Owns a librdkafka mock cluster together with the <c>rd_kafka_t</c> it lives in, so the two are
/// always released in the order librdkafka requires (cluster first) even when a finalizer does it.
/// </summary>
internal sealed unsafe class MockClusterHandle : SafeHandle
{
    private nint _kafka;
    private GCHandle _logTarget;

    public MockClusterHandle() : base(invalidHandleValue: 0, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == 0;

    public static MockClusterHandle Create(int brokerCount, ILogger logger)
    {
        var cluster = new MockClusterHandle { _logTarget = GCHandle.Alloc(logger) };
        try
        {
            cluster._kafka = NewHostClient(GCHandle.ToIntPtr(cluster._logTarget));
            var mock = LibrdkafkaMock.rd_kafka_mock_cluster_new(cluster._kafka, brokerCount);
            if (mock == 0)
            {
                throw new InvalidOperationException(
                    $"librdkafka could not create a mock cluster with {brokerCount} broker(s). Its log lines, " +
                    "sent to the logger given to StartAsync, say why; usually no loopback port could be bound.");
            }

            cluster.SetHandle(mock);
            return cluster;
        }
        catch
        {
            cluster.ReleaseNativeResources();
            throw;
        }
    }

    protected override bool ReleaseHandle()
    {
        ReleaseNativeResources();
        return true;
    }

    private void ReleaseNativeResources()
    {
        if (handle != 0)
            LibrdkafkaMock.rd_kafka_mock_cluster_destroy(handle);
        if (_kafka != 0)
            LibrdkafkaMock.rd_kafka_destroy(_kafka);
        // Only now: librdkafka may log from its own threads until rd_kafka_destroy has returned.
        if (_logTarget.IsAllocated)
            _logTarget.Free();
        _kafka = 0;
    }

    /// <summary>
    /// The mock needs an <c>rd_kafka_t</c> for its bookkeeping and threads. A producer with no
    /// bootstrap servers never connects anywhere, so this one does nothing else.
    /// </summary>
    private static nint NewHostClient(nint logTarget)
    {
        const int errorSize = 512;
        var error = stackalloc byte[errorSize];
        var conf = LibrdkafkaMock.rd_kafka_conf_new();
        try
        {
            Set(conf, "client.id", "cowhealth-embedded-kafka", error, errorSize);
            LibrdkafkaMock.rd_kafka_conf_set_opaque(conf, logTarget);
            LibrdkafkaMock.rd_kafka_conf_set_log_cb(conf, &OnLog);
        }
        catch
        {
            LibrdkafkaMock.rd_kafka_conf_destroy(conf);
            throw;
        }

        var kafka = LibrdkafkaMock.rd_kafka_new(LibrdkafkaMock.ProducerType, conf, error, errorSize);
        if (kafka == 0)
        {
            LibrdkafkaMock.rd_kafka_conf_destroy(conf);
            throw new InvalidOperationException(
                "librdkafka could not create the client that hosts the mock cluster: " + Marshal.PtrToStringUTF8((nint)error));
        }

        return kafka;
    }

    private static void Set(nint conf, string name, string value, byte* error, int errorSize)
    {
        if (LibrdkafkaMock.rd_kafka_conf_set(conf, name, value, error, (nuint)errorSize) != LibrdkafkaMock.ConfOk)
            throw new InvalidOperationException($"librdkafka rejected {name}={value}: {Marshal.PtrToStringUTF8((nint)error)}");
    }

    // librdkafka calls this from its own threads, so it must never throw back into native code.
    [UnmanagedCallersOnly]
    private static void OnLog(nint kafka, int level, byte* facility, byte* message)
    {
        try
        {
            var target = LibrdkafkaMock.rd_kafka_opaque(kafka);
            if (target == 0 || GCHandle.FromIntPtr(target).Target is not ILogger logger)
                return;

            var facilityText = Marshal.PtrToStringUTF8((nint)facility);
            var messageText = Marshal.PtrToStringUTF8((nint)message);
            // The host client has no bootstrap servers on purpose; librdkafka's warning about that
            // would only send readers looking for a misconfiguration that is not there.
            if (facilityText == "CONFWARN" && messageText?.Contains("bootstrap.servers", StringComparison.Ordinal) == true)
                return;

            // librdkafka uses syslog levels: 0 emergency ... 3 error, 4 warning, 5 notice, 6 info, 7 debug.
            var logLevel = level switch
            {
                <= 3 => LogLevel.Error,
                4 => LogLevel.Warning,
                5 or 6 => LogLevel.Information,
                _ => LogLevel.Debug,
            };
            logger.Log(logLevel, "librdkafka {Facility}: {Message}", facilityText, messageText);
        }
        catch (Exception)
        {
            // A logger that throws must not take librdkafka's thread, and the process, down with it.
        }
    }
}
