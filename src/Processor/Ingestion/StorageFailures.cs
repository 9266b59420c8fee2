using CowHealth.KafkaRider.Failures;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CowHealth.Processor.Ingestion;

/// <summary>
/// The storage failures a Processor waits out rather than dead-letter, beyond the rider's own rules
/// (which already take every <c>DbException</c> its provider calls transient).
/// </summary>
internal static class StorageFailures
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public static void AreTransient(FailureClassifier failures) => failures
        // Another unit of work changed the same saga a moment ago: load it again and retry.
        .TreatAsTransient<DbUpdateConcurrencyException>()
        // Named here too, whatever a provider version's own list says: the server unreachable, starting
        // or stopping (classes 08 and 57P), out of resources or disk (53, 58), a serialization failure
        // or deadlock (40), a lock or statement time-out (55P03, 57014).
        .TreatAsTransient<PostgresException>(e =>
            e.SqlState.StartsWith("08", StringComparison.Ordinal) || e.SqlState.StartsWith("53", StringComparison.Ordinal) ||
            e.SqlState.StartsWith("57P", StringComparison.Ordinal) || e.SqlState.StartsWith("58", StringComparison.Ordinal) ||
            e.SqlState.StartsWith("40", StringComparison.Ordinal) ||
            e.SqlState is PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.QueryCanceled)
        .TreatAsTransient<NpgsqlException>(e => e is not PostgresException)
        // The embedded default: another connection holds the file's write lock.
        .TreatAsTransient<SqliteException>(e => e.SqliteErrorCode is SqliteBusy or SqliteLocked);
}
