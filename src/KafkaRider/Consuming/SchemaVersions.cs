using System.Reflection;

namespace CowHealth.KafkaRider.Consuming;

/// <summary>The newest schema version of a contract this build understands (its <c>CurrentSchemaVersion</c> constant).</summary>
internal static class SchemaVersions
{
    public static int Current<T>() => Cache<T>.Version;

    private static class Cache<T>
    {
        public static readonly int Version =
            typeof(T).GetField("CurrentSchemaVersion", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as int? ?? 1;
    }
}
