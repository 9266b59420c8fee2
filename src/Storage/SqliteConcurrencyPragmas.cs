using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CowHealth.Storage;

/// <summary>
/// The Processor writes while the Gateway reads the same SQLite file. Write-ahead logging lets
/// readers go on during a write, and a busy timeout makes a writer wait its turn instead of failing.
/// </summary>
internal sealed class SqliteConcurrencyPragmas : DbConnectionInterceptor
{
    public static SqliteConcurrencyPragmas Instance { get; } = new();

    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=10000; PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
