using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Xunit;

namespace CowHealth.Testing;

/// <summary>
/// A real PostgreSQL server for the tests, started from the installed binaries into a temporary
/// folder on a free port and removed when the test run ends. Set <c>COWHEALTH_TEST_POSTGRES</c> to
/// a connection string to use an existing server instead. Each test asks for its own database.
/// Tests get it as the fixture of <see cref="PostgresCollection"/>, which xunit disposes at the end.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncLifetime
{
    private const string ExistingServerVariable = "COWHEALTH_TEST_POSTGRES";

    private string _adminConnectionString = "";
    private Process? _server;
    private string? _dataDirectory;
    private string? _binaries;
    private IReadOnlyList<string> _serverArguments = [];
    private int _databases;

    /// <summary>A server tuned for tests: nothing waits for the disk (fsync, synchronous_commit and full_page_writes off).</summary>
    public ThrowawayPostgres()
        : this(durable: false)
    {
    }

    // One public constructor: xunit builds the fixture through it.
    private ThrowawayPostgres(bool durable) => Durable = durable;

    /// <summary>
    /// A server that keeps PostgreSQL's own durability (fsync, synchronous_commit, full_page_writes on),
    /// as a production server runs, for benchmarks that must say what one would do.
    /// </summary>
    public static ThrowawayPostgres Durably() => new(durable: true);

    /// <summary>Whether the server waits for the disk as a production server does.</summary>
    public bool Durable { get; }

    /// <summary>The durability settings, in words, for a benchmark's record.</summary>
    public string Settings => Durable
        ? "durable: fsync, synchronous_commit and full_page_writes on (PostgreSQL's defaults)"
        : "not durable: fsync, synchronous_commit and full_page_writes off";

    /// <summary>The server's main process (postmaster), parent of one process per connection; null until started or when an existing server is used.</summary>
    public int? ServerProcessId =>
        _dataDirectory is not null && File.Exists(Path.Combine(_dataDirectory, "postmaster.pid"))
            ? int.Parse(File.ReadLines(Path.Combine(_dataDirectory, "postmaster.pid")).First(), System.Globalization.CultureInfo.InvariantCulture)
            : null;

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string purpose)
    {
        var name = $"t{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}_{new string(purpose.Where(char.IsAsciiLetterOrDigit).Take(30).ToArray())}".ToLowerInvariant();
        await using (var connection = new NpgsqlConnection(_adminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        if (_server is { HasExited: false } && _binaries is not null && _dataDirectory is not null)
        {
            // "immediate" skips the checkpoint a throwaway cluster does not need, and pg_ctl returns
            // only once the postmaster and its backends are gone, so the folder can then be removed.
            await RunAsync(Path.Combine(_binaries, "pg_ctl"), ["stop", "-D", _dataDirectory, "-m", "immediate", "-w"], Environment.UserName == "root");
            await _server.WaitForExitAsync();
        }

        _server?.Dispose();
        if (_dataDirectory is not null && Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    public async Task InitializeAsync()
    {
        var existing = Environment.GetEnvironmentVariable(ExistingServerVariable);
        if (!string.IsNullOrWhiteSpace(existing))
        {
            _adminConnectionString = existing;
            return;
        }

        var bin = FindPostgresBinaries();
        var dataDirectory = Directory.CreateTempSubdirectory("cowhealth-pg-").FullName;
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            // initdb and postgres refuse to run as root; the Debian package brings the postgres user.
            await RunAsync("chown", ["-R", "postgres:postgres", dataDirectory]);
        }

        await RunAsync(Path.Combine(bin, "initdb"), ["-D", dataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync", "--no-instructions"], asRoot);

        var port = LoopbackPort.Free();
        _serverArguments =
            ["-D", dataDirectory, "-p", port.ToString(), "-k", dataDirectory, "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200",
             .. Durable ? Array.Empty<string>() : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]];
        (_server, _dataDirectory, _binaries) = (Start(Path.Combine(bin, "postgres"), _serverArguments, asRoot), dataDirectory, bin);
        _adminConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false;Timeout=5";
        await WaitUntilAcceptingConnections();
    }

    /// <summary>
    /// Stops the server as an operator's restart does (<c>pg_ctl stop -m fast</c>: open transactions are
    /// rolled back, clients disconnected); returns once it is down. Only for a server this object started.
    /// </summary>
    public async Task StopAsync()
    {
        var (binaries, dataDirectory) = (_binaries ?? throw NotStartedHere(), _dataDirectory!);
        await RunAsync(Path.Combine(binaries, "pg_ctl"), ["stop", "-D", dataDirectory, "-m", "fast", "-w"], Environment.UserName == "root");
        await _server!.WaitForExitAsync();
    }

    /// <summary>Starts a server stopped by <see cref="StopAsync"/> again, on the same port and data, and waits until it accepts connections.</summary>
    public async Task StartAsync()
    {
        var binaries = _binaries ?? throw NotStartedHere();
        _server?.Dispose();
        _server = Start(Path.Combine(binaries, "postgres"), _serverArguments, Environment.UserName == "root");
        await WaitUntilAcceptingConnections();
    }

    private static InvalidOperationException NotStartedHere() =>
        new($"Only a server the tests started can be stopped and started; {ExistingServerVariable} names one they did not.");

    private async Task WaitUntilAcceptingConnections()
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_adminConnectionString);
                await connection.OpenAsync();
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or SocketException && deadline.Elapsed < TimeSpan.FromSeconds(30))
            {
                if (_server is { HasExited: true })
                {
                    throw new InvalidOperationException($"PostgreSQL exited with code {_server.ExitCode} while starting.", ex);
                }

                await Task.Delay(50);
            }
        }
    }

    private static string FindPostgresBinaries()
    {
        var debian = new DirectoryInfo("/usr/lib/postgresql");
        var candidates = debian.Exists
            ? debian.GetDirectories().OrderByDescending(d => int.TryParse(d.Name, out var v) ? v : 0).Select(d => Path.Combine(d.FullName, "bin"))
            : [];
        return candidates.FirstOrDefault(dir => File.Exists(Path.Combine(dir, "initdb")))
            ?? throw new InvalidOperationException(
                "PostgreSQL is not installed: run ./test.sh (it installs Debian's postgresql package), " +
                $"or set {ExistingServerVariable} to a connection string of a server the tests may create databases on.");
    }

    private static Process Start(string program, IReadOnlyList<string> arguments, bool asPostgresUser, System.Text.StringBuilder? errors = null)
    {
        var start = asPostgresUser
            ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", program, .. arguments])
            : new ProcessStartInfo(program, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (errors is not null && e.Data is not null)
            {
                lock (errors)
                {
                    errors.AppendLine(e.Data);
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgresUser = false)
    {
        var output = new System.Text.StringBuilder();
        using var process = Start(program, arguments, asPostgresUser, output);
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {output}");
        }
    }
}
