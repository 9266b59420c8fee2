using System.Data.Common;
using System.Net.Sockets;

namespace CowHealth.Gateway.HerdApp.PageParts;

/// <summary>
/// Tells the database not answering (down, unreachable, timing out) from a fault of our own, so a
/// page can say "the database is not answering" to the first and let the second surface as an error.
/// EF Core wraps provider errors (in its retry strategy's exception, among others), so the whole
/// chain of inner exceptions counts.
/// </summary>
public static class StoreFailure
{
    public static bool IsStoreDown(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException or TimeoutException or SocketException)
            {
                return true;
            }
        }

        return false;
    }
}
