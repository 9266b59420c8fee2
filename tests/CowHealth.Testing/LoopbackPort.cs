using System.Net;
using System.Net.Sockets;

namespace CowHealth.Testing;

/// <summary>Ports for servers the tests start on this machine's loopback interface.</summary>
public static class LoopbackPort
{
    /// <summary>A TCP port on the loopback interface that nothing listens on right now.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
