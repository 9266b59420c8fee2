using CowHealth.Storage;
using CowHealth.Storage.Connector;
using Microsoft.EntityFrameworkCore;

namespace CowHealth.Connector.Positions;

/// <summary>
/// Each account's cursor, kept in the CowHealth database beside the readings it led to: a restart
/// (or a SIGKILL) resumes from the last cursor whose readings Kafka had all acknowledged.
/// </summary>
public sealed class VendorPositions(IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>The stored cursor, or null for an account never read: it starts from the oldest reading the vendor has.</summary>
    public async Task<long?> Load(string account, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CowHealthDb>();
        var stored = await db.VendorPositions.AsNoTracking().SingleOrDefaultAsync(p => p.Account == account, cancellationToken);
        return stored?.Position;
    }

    /// <summary>Call only once Kafka has acknowledged every reading before <paramref name="position"/>.</summary>
    public async Task Save(string account, long position, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CowHealthDb>();
        // One Connector owns each account, so read-then-write needs no lock.
        var stored = await db.VendorPositions.SingleOrDefaultAsync(p => p.Account == account, cancellationToken);
        if (stored is null)
        {
            stored = new VendorPosition { Account = account };
            db.VendorPositions.Add(stored);
        }

        stored.Position = position;
        stored.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }
}
