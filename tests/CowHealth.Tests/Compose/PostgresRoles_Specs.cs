using CowHealth.Storage;
using CowHealth.Tests.Infrastructure;
using CowHealth.Tests.Observability;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CowHealth.Tests.Compose;

/// <summary>
/// compose/postgres/roles.sql run as postgres-init runs it (its command and environment from
/// <c>docker-compose config</c>) on the tests' real PostgreSQL, then used as the services and the
/// exporter use it. The two roles sign in with scram-sha-256 here, so a password that arrived
/// altered anywhere on its way from compose/.env would be refused.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresRoles_Specs(ThrowawayPostgres postgres)
{
    // What a connection string, a shell or Compose could misread: ; $ " ' = and a space.
    private const string AppPassword = "co;w$HOME=\"b a\";x'y";
    private const string MonitorPassword = "mo;ni$$tor\"';";

    [Fact]
    public async Task The_services_role_owns_and_migrates_the_database_with_the_password_compose_hands_it()
    {
        var (config, database) = await SetUpRolesAsync("services role");
        await using var scram = await ScramForTheRolesAsync(database);

        var processor = config.Environment("processor");
        var services = new NpgsqlConnectionStringBuilder(processor["Storage__ConnectionString"]) { Host = database.Host, Port = database.Port, Database = database.Database };
        Assert.Null(services.Password);
        await using (var provider = ServicesStorage(processor["Storage__Provider"], services.ConnectionString))
        {
            // As in the Processor's container: Npgsql takes the password from PGPASSWORD itself.
            using var password = new EnvironmentVariable("PGPASSWORD", processor["PGPASSWORD"]);
            using var scope = provider.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<CowHealthDb>();
            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }

        await using var admin = new NpgsqlConnection(database.ConnectionString);
        await admin.OpenAsync();
        Assert.Equal("cowhealth", await ScalarAsync<string>(admin, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()"));
        Assert.Equal("cowhealth", Assert.Single(await ListAsync(admin, "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'")));
        Assert.False(await ScalarAsync<bool>(admin, "SELECT rolsuper OR rolcreaterole OR rolcreatedb FROM pg_roles WHERE rolname = 'cowhealth'"));

        if (postgres.ServerProcessId is not null)
        {
            var wrong = new NpgsqlConnectionStringBuilder(services.ConnectionString) { Password = "not" + AppPassword, Pooling = false };
            var refused = await Assert.ThrowsAsync<PostgresException>(async () => { await using var c = new NpgsqlConnection(wrong.ConnectionString); await c.OpenAsync(); });
            Assert.Equal(PostgresErrorCodes.InvalidPassword, refused.SqlState);
        }
    }

    [Fact]
    public async Task The_exporters_role_reads_statistics_but_no_rows_and_cannot_change_the_schema()
    {
        var (config, database) = await SetUpRolesAsync("monitor role");
        // Stays open: its last statement is what the exporter should see in pg_stat_activity.
        await using var owner = new NpgsqlConnection(database.ConnectionString);
        await owner.OpenAsync();
        await ExecuteAsync(owner, "CREATE TABLE herd_secret (cow text); ALTER TABLE herd_secret OWNER TO cowhealth");

        await using var scram = await ScramForTheRolesAsync(database);
        var exporter = config.Environment("postgres-exporter");
        var monitor = new NpgsqlConnectionStringBuilder(database.ConnectionString)
        {
            Username = exporter["DATA_SOURCE_USER"],
            Password = exporter["DATA_SOURCE_PASS"],
            Pooling = false,
        };
        await using var connection = new NpgsqlConnection(monitor.ConnectionString);
        await connection.OpenAsync();

        Assert.True(await ScalarAsync<bool>(connection, "SELECT pg_has_role(current_user, 'pg_monitor', 'MEMBER')"));
        // pg_monitor includes pg_read_all_stats: other roles' statements, which others see as "<insufficient privilege>".
        Assert.Contains(await ListAsync(connection, $"SELECT query FROM pg_stat_activity WHERE pid = {owner.ProcessID}"), query => query.Contains("herd_secret", StringComparison.Ordinal));
        var reading = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection, "SELECT * FROM herd_secret"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, reading.SqlState);
        var creating = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection, "CREATE TABLE public.mine (x int)"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, creating.SqlState);
    }

    // A database of its own, and postgres-init's command run on it with postgres-init's environment,
    // pointed at the tests' server instead of the compose network's.
    private async Task<(ComposeConfig Config, NpgsqlConnectionStringBuilder Database)> SetUpRolesAsync(string purpose)
    {
        var passwords = ComposeConfig.Passwords();
        passwords["COWHEALTH_DB_PASSWORD"] = AppPassword;
        passwords["MONITOR_DB_PASSWORD"] = MonitorPassword;
        var config = await ComposeConfig.ReadAsync(passwords);
        var database = new NpgsqlConnectionStringBuilder(await postgres.CreateDatabaseAsync(purpose));

        var (program, arguments) = config.CommandOf("postgres-init");
        var environment = new Dictionary<string, string>(config.Environment("postgres-init"))
        {
            ["PGHOST"] = database.Host!,
            ["PGPORT"] = database.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PGDATABASE"] = database.Database!,
            ["PGUSER"] = database.Username!,
        };
        var run = await ExternalTool.RunAsync(program, arguments, RepositoryFiles.Root, environment);
        Assert.True(run.ExitCode == 0, run.ToString());

        // Every start runs it again: it must change nothing the first run made.
        var again = await ExternalTool.RunAsync(program, arguments, RepositoryFiles.Root, environment);
        Assert.True(again.ExitCode == 0, again.ToString());
        return (config, database);
    }

    private static ServiceProvider ServicesStorage(string provider, string connectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = provider,
            ["Storage:ConnectionString"] = connectionString,
        }).Build();
        return new ServiceCollection().AddLogging().AddCowHealthStorage(configuration).BuildServiceProvider();
    }

    /// <summary>
    /// The tests' server trusts every local connection; for as long as the returned handle lives, the
    /// two roles must prove their password with scram-sha-256 (a line put first in pg_hba.conf). An
    /// existing server given through COWHEALTH_TEST_POSTGRES is never touched.
    /// </summary>
    private async Task<IAsyncDisposable> ScramForTheRolesAsync(NpgsqlConnectionStringBuilder database)
    {
        if (postgres.ServerProcessId is null)
        {
            return new PgHbaRestore(null, "", "");
        }

        var admin = new NpgsqlConnection(database.ConnectionString);
        await admin.OpenAsync();
        var hbaFile = await ScalarAsync<string>(admin, "SHOW hba_file");
        var original = await ScalarAsync<string>(admin, "SELECT pg_read_file(current_setting('hba_file'))");
        await WriteHbaAsync(admin, hbaFile, $"host all cowhealth,cowhealth_monitor 127.0.0.1/32 scram-sha-256\n{original}");
        var restore = new PgHbaRestore(admin, hbaFile, original);

        // A reload is asynchronous: wait until a wrong password is refused.
        var wrong = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Username = "cowhealth", Password = "certainly wrong", Pooling = false };
        await Eventually.Until<PostgresException>(async () =>
        {
            try
            {
                await using var probe = new NpgsqlConnection(wrong.ConnectionString);
                await probe.OpenAsync();
                return null;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidPassword)
            {
                return e;
            }
        }, TimeSpan.FromSeconds(30), "PostgreSQL to ask the roles for their passwords after a reload");
        return restore;
    }

    // COPY writes the server's own file; CSV with a delimiter and quote no line contains writes each
    // line as it is, and an empty line as NULL (an empty string would be written as two quotes).
    private static async Task WriteHbaAsync(NpgsqlConnection admin, string hbaFile, string content)
    {
        await ExecuteAsync(admin, "CREATE TEMP TABLE IF NOT EXISTS hba_lines (n int, line text); TRUNCATE hba_lines");
        await using (var insert = new NpgsqlCommand("INSERT INTO hba_lines SELECT n, line FROM unnest(string_to_array(@content, E'\\n')) WITH ORDINALITY AS l(line, n)", admin))
        {
            insert.Parameters.AddWithValue("content", content.TrimEnd('\n'));
            await insert.ExecuteNonQueryAsync();
        }

        await ExecuteAsync(admin, $"COPY (SELECT NULLIF(line, '') FROM hba_lines ORDER BY n) TO '{hbaFile.Replace("'", "''", StringComparison.Ordinal)}' WITH (FORMAT csv, DELIMITER E'\\x02', QUOTE E'\\x01')");
        await ExecuteAsync(admin, "SELECT pg_reload_conf()");
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
        }
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<string>> ListAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    /// <summary>Puts pg_hba.conf back as it was and reloads.</summary>
    private sealed class PgHbaRestore(NpgsqlConnection? admin, string hbaFile, string original) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (admin is null)
            {
                return;
            }

            await WriteHbaAsync(admin, hbaFile, original);
            await admin.DisposeAsync();
        }
    }

    /// <summary>Sets a variable of this process until disposed, then puts back what was there.</summary>
    private sealed class EnvironmentVariable : IDisposable
    {
        private readonly string _name;
        private readonly string? _previous;

        public EnvironmentVariable(string name, string value)
        {
            (_name, _previous) = (name, Environment.GetEnvironmentVariable(name));
            Environment.SetEnvironmentVariable(name, value);
        }

        public void Dispose() => Environment.SetEnvironmentVariable(_name, _previous);
    }
}
