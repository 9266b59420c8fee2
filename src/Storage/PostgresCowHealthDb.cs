using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CowHealth.Storage;

/// <summary>The PostgreSQL flavour of <see cref="CowHealthDb"/>: production storage.</summary>
public sealed class PostgresCowHealthDb(DbContextOptions<PostgresCowHealthDb> options) : CowHealthDb(options);

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL model without a running app.</summary>
internal sealed class PostgresCowHealthDbDesignFactory : IDesignTimeDbContextFactory<PostgresCowHealthDb>
{
    public PostgresCowHealthDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresCowHealthDb>();
        options.UseCowHealthPostgres("Host=localhost;Database=cowhealth_design");
        return new(options.Options);
    }
}
