using System.Data.Common;
using CowHealth.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace CowHealth.Benchmarks;

/// <summary>
/// The PostgreSQL plans of the Gateway's own queries: a piece of the Gateway's query code runs
/// against a context that records every command it would send (and sends none, so the plan is the
/// first to touch the pages), and each is then run under <c>EXPLAIN (ANALYZE, BUFFERS)</c> with
/// the same parameters.
/// </summary>
internal sealed class QueryPlans(string connectionString)
{
    public async Task<IReadOnlyList<string>> Explain(Func<CowHealthDb, Task> gatewayQuery)
    {
        var recorder = new CommandRecorder();
        await using (var db = new PostgresCowHealthDb(new DbContextOptionsBuilder<PostgresCowHealthDb>()
            .UseCowHealthPostgres(connectionString).AddInterceptors(recorder).Options))
        {
            await gatewayQuery(db);
        }

        var plans = new List<string>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var (sql, parameters) in recorder.Commands)
        {
            await using var explain = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + sql, connection);
            explain.Parameters.AddRange(parameters);
            var plan = new List<string>();
            await using (var reader = await explain.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    plan.Add(reader.GetString(0));
                }
            }

            plans.Add(string.Join(Environment.NewLine, plan));
        }

        return plans;
    }

    private sealed class CommandRecorder : DbCommandInterceptor
    {
        public List<(string Sql, NpgsqlParameter[] Parameters)> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Add((command.CommandText, [.. command.Parameters.Cast<NpgsqlParameter>().Select(p => p.Clone())]));
            // An empty answer: the query code carries on as if nothing matched.
            return ValueTask.FromResult(InterceptionResult<DbDataReader>.SuppressWithResult(new System.Data.DataTable().CreateDataReader()));
        }
    }
}
