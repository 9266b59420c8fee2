using System.Reflection;
using System.Runtime.InteropServices;

namespace CowHealth.EmbeddedKafka;

/// <summary>
/// The slice of librdkafka's C API that starts and steers a mock cluster. Confluent.Kafka does not
/// wrap the mock API nor expose its raw <c>rd_kafka_t</c>, so this calls the native library that
/// ships in librdkafka.redist directly.
/// </summary>
internal static unsafe partial class LibrdkafkaMock
{
    // Not "librdkafka": this name is ours alone, so the resolver below never competes with
    // Confluent.Kafka's own loader, which probes for the plain name with its own fallbacks.
    private const string Library = "cowhealth-librdkafka";

    public const int ProducerType = 0; // RD_KAFKA_PRODUCER
    public const int ConfOk = 0; // RD_KAFKA_CONF_OK
    public const int NoError = 0; // RD_KAFKA_RESP_ERR_NO_ERROR

    static LibrdkafkaMock() =>
        NativeLibrary.SetDllImportResolver(typeof(LibrdkafkaMock).Assembly, Resolve);

    [LibraryImport(Library)]
    public static partial nint rd_kafka_conf_new();

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int rd_kafka_conf_set(nint conf, string name, string value, byte* errstr, nuint errstrSize);

    [LibraryImport(Library)]
    public static partial void rd_kafka_conf_set_log_cb(
        nint conf, delegate* unmanaged<nint, int, byte*, byte*, void> logCallback);

    [LibraryImport(Library)]
    public static partial void rd_kafka_conf_set_opaque(nint conf, nint opaque);

    [LibraryImport(Library)]
    public static partial void rd_kafka_conf_destroy(nint conf);

    /// <remarks>Takes ownership of <paramref name="conf"/> only when it succeeds.</remarks>
    [LibraryImport(Library)]
    public static partial nint rd_kafka_new(int type, nint conf, byte* errstr, nuint errstrSize);

    [LibraryImport(Library)]
    public static partial nint rd_kafka_opaque(nint rk);

    [LibraryImport(Library)]
    public static partial void rd_kafka_destroy(nint rk);

    [LibraryImport(Library)]
    public static partial nint rd_kafka_err2str(int err);

    [LibraryImport(Library)]
    public static partial nint rd_kafka_mock_cluster_new(nint rk, int brokerCount);

    [LibraryImport(Library)]
    public static partial void rd_kafka_mock_cluster_destroy(nint cluster);

    /// <returns>A string owned by the cluster: copy it, never free it.</returns>
    [LibraryImport(Library)]
    public static partial nint rd_kafka_mock_cluster_bootstraps(MockClusterHandle cluster);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int rd_kafka_mock_topic_create(
        MockClusterHandle cluster, string topic, int partitionCount, int replicationFactor);

    [LibraryImport(Library)]
    public static partial int rd_kafka_mock_broker_set_down(MockClusterHandle cluster, int brokerId);

    [LibraryImport(Library)]
    public static partial int rd_kafka_mock_broker_set_up(MockClusterHandle cluster, int brokerId);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void rd_kafka_mock_broker_set_host_port(
        MockClusterHandle cluster, int brokerId, string host, int port);

    [LibraryImport(Library)]
    public static partial void rd_kafka_mock_group_initial_rebalance_delay_ms(MockClusterHandle cluster, int delayMs);

    public static string ErrorText(int err) => Marshal.PtrToStringUTF8(rd_kafka_err2str(err)) ?? $"error {err}";

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != Library)
            return 0;

        var failures = new List<string>();
        foreach (var candidate in Candidates())
        {
            try
            {
                return NativeLibrary.Load(candidate);
            }
            catch (DllNotFoundException ex)
            {
                failures.Add(ex.Message);
            }
        }

        throw new DllNotFoundException(
            "Could not load librdkafka for the embedded Kafka broker. It ships in the librdkafka.redist " +
            "package under runtimes/<rid>/native; check that the package is restored and copied to the output. " +
            "Attempts:" + Environment.NewLine + string.Join(Environment.NewLine, failures));
    }

    private static IEnumerable<string> Candidates()
    {
        string[] fileNames;
        string runtimeFolder;
        if (OperatingSystem.IsLinux())
        {
            // The plain build links libsasl2.so.3, which Debian does not ship; the CentOS 8 build
            // has no such dependency and is the one that loads there.
            fileNames = ["librdkafka.so", "centos8-librdkafka.so"];
            runtimeFolder = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? "linux-arm64" : "linux-x64";
        }
        else if (OperatingSystem.IsMacOS())
        {
            fileNames = ["librdkafka.dylib"];
            runtimeFolder = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? "osx-arm64" : "osx-x64";
        }
        else
        {
            fileNames = ["librdkafka.dll"];
            runtimeFolder = RuntimeInformation.ProcessArchitecture == Architecture.X86 ? "win-x86" : "win-x64";
        }

        // A build keeps the package layout under runtimes/; a RID-specific publish flattens the
        // native files into the application folder.
        string[] folders = [Path.Combine(AppContext.BaseDirectory, "runtimes", runtimeFolder, "native"), AppContext.BaseDirectory];
        foreach (var folder in folders)
        {
            foreach (var fileName in fileNames)
                yield return Path.Combine(folder, fileName);
        }

        // Last resort: a librdkafka installed on the system. It may predate parts of the mock API.
        foreach (var fileName in fileNames)
            yield return fileName;
        if (OperatingSystem.IsLinux())
            yield return "librdkafka.so.1";
    }
}
