using Bunit;
using CowHealth.Gateway.Herd;
using CowHealth.Gateway.HerdApp;
using CowHealth.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using CowHealth.Tests.Simulator;

namespace CowHealth.Tests.HerdApp;

/// <summary>
/// A bUnit context with what the herd app's components inject: a real SQLite database (a fresh file,
/// migrated like the local run's), the app's options and a clock the spec sets.
/// </summary>
internal sealed class HerdAppComponents : IAsyncDisposable
{
    private readonly string _file;

    private HerdAppComponents(string file, CowHealthDb db, SettableClock clock)
    {
        _file = file;
        Db = db;
        Clock = clock;
        Context = new BunitContext();
        Context.Services.AddSingleton<TimeProvider>(clock);
        Context.Services.AddSingleton(Options.Create(new HerdAppOptions()));
        Context.Services.AddSingleton(Options.Create(new HerdSummaryOptions()));
        Context.Services.AddSingleton<FarmClock>();
        Context.Services.AddSingleton(db);
    }

    public BunitContext Context { get; }

    public CowHealthDb Db { get; }

    public SettableClock Clock { get; }

    /// <summary>A migrated database at <paramref name="file"/>, or a fresh temporary one.</summary>
    public static async Task<HerdAppComponents> StartAsync(DateTimeOffset now, string? file = null, bool migrate = true)
    {
        file ??= Path.Combine(Path.GetTempPath(), $"cowhealth-app-{Guid.NewGuid():N}.db");
        var db = new SqliteCowHealthDb(new DbContextOptionsBuilder<SqliteCowHealthDb>().UseCowHealthSqlite($"Data Source={file}").Options);
        if (migrate)
        {
            await db.Database.MigrateAsync();
        }

        return new HerdAppComponents(file, db, new SettableClock(now));
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        await Db.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var path in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
    }
}
