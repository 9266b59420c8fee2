using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CowHealth.Storage;

/// <summary>The SQLite flavour of <see cref="CowHealthDb"/>: the embedded default for a first run.</summary>
public sealed class SqliteCowHealthDb(DbContextOptions<SqliteCowHealthDb> options) : CowHealthDb(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite keeps timestamps as text without a zone; every time we store is UTC, so say so on the way back.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        toStore => toStore.ToUniversalTime(),
        fromStore => DateTime.SpecifyKind(fromStore, DateTimeKind.Utc));
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite model without a running app.</summary>
internal sealed class SqliteCowHealthDbDesignFactory : IDesignTimeDbContextFactory<SqliteCowHealthDb>
{
    public SqliteCowHealthDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteCowHealthDb>();
        options.UseCowHealthSqlite("Data Source=design.db");
        return new(options.Options);
    }
}
