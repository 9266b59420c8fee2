using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CowHealth.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="CowHealthDb"/> on the configured provider, a readiness check for it, and,
    /// when <see cref="StorageOptions.MigrateOnStart"/> is set, the migrator that runs before the app serves.
    /// </summary>
    public static IServiceCollection AddCowHealthStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(StorageOptions.Section);
        services.AddOptions<StorageOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();

        // The provider decides which DbContext type (and so which migrations) exists, so it is read here, once.
        var options = section.Get<StorageOptions>() ?? new StorageOptions();
        _ = options.Provider switch
        {
            StorageProvider.Postgres => services.AddDbContext<CowHealthDb, PostgresCowHealthDb>(
                db => db.UseCowHealthPostgres(options.ConnectionString)),
            StorageProvider.Sqlite => services.AddDbContext<CowHealthDb, SqliteCowHealthDb>(
                db => db.UseCowHealthSqlite(options.ConnectionString)),
            _ => throw new InvalidOperationException(
                $"Storage:Provider '{options.Provider}' is not known; use Sqlite or Postgres."),
        };

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", HealthStatus.Unhealthy, ["ready"]);
        if (options.MigrateOnStart)
        {
            services.AddHostedService<DatabaseMigrator>();
        }

        return services;
    }

    public static TBuilder UseCowHealthPostgres<TBuilder>(this TBuilder builder, string connectionString)
        where TBuilder : DbContextOptionsBuilder
    {
        builder
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();
        return builder;
    }

    public static TBuilder UseCowHealthSqlite<TBuilder>(this TBuilder builder, string connectionString)
        where TBuilder : DbContextOptionsBuilder
    {
        builder
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(SqliteConcurrencyPragmas.Instance);
        return builder;
    }
}
