using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace CowHealth.EmbeddedKafka;

/// <summary>
/// Listens on a fixed loopback port and pipes every connection to the mock broker's ephemeral
/// port. The mock cannot be told which port to listen on, only which one to advertise, so this
/// relay makes the advertised address real.
/// </summary>
internal sealed class LoopbackTcpRelay : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly IPEndPoint _target;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly HashSet<Task> _connections = [];
    private readonly Task _acceptLoop;

    private LoopbackTcpRelay(TcpListener listener, IPEndPoint target, ILogger logger)
    {
        _listener = listener;
        _target = target;
        _logger = logger;
        _acceptLoop = AcceptAsync(_stopping.Token);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <returns>The running relay, or null with the reason when <paramref name="port"/> cannot be listened on.</returns>
    public static LoopbackTcpRelay? TryStart(int port, IPEndPoint target, ILogger logger, out string? failure)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        try
        {
            listener.Start();
        }
        catch (SocketException ex) when (ex.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
        {
            listener.Dispose();
            failure = ex.SocketErrorCode == SocketError.AddressAlreadyInUse
                ? "the port is already in use"
                : "this user may not listen on it";
            return null;
        }

        failure = null;
        return new LoopbackTcpRelay(listener, target, logger);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _acceptLoop;

        Task[] open;
        lock (_connections)
            open = [.. _connections];
        await Task.WhenAll(open);

        _listener.Dispose();
        _stopping.Dispose();
    }

    private async Task AcceptAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(stopping);
            }
            catch (Exception ex) when (stopping.IsCancellationRequested && ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException ex)
            {
                // A client that gave up before we accepted it; the listener itself is fine.
                _logger.LogDebug(ex, "Relay on port {Port} failed to accept a connection", Port);
                continue;
            }

            var connection = RelayAsync(client, stopping);
            lock (_connections)
                _connections.Add(connection);
            _ = connection.ContinueWith(
                finished =>
                {
                    lock (_connections)
                        _connections.Remove(finished);
                },
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private async Task RelayAsync(Socket client, CancellationToken stopping)
    {
        using var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        try
        {
            // Kafka clients pipeline small requests; without NoDelay each hop would add Nagle's
            // delayed-ACK stall to round trips.
            client.NoDelay = true;
            upstream.NoDelay = true;
            await upstream.ConnectAsync(_target, ended.Token);

            await using var clientStream = new NetworkStream(client, ownsSocket: false);
            await using var upstreamStream = new NetworkStream(upstream, ownsSocket: false);
            var toBroker = PumpAsync(clientStream, upstreamStream, ended.Token);
            var toClient = PumpAsync(upstreamStream, clientStream, ended.Token);

            // Kafka has no half-closed conversations: when either side hangs up the connection is
            // over. This is also how a broker outage (the mock dropping its sockets) reaches clients.
            await Task.WhenAny(toBroker, toClient);
            await ended.CancelAsync();
            await Task.WhenAll(toBroker, toClient);
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException)
        {
            // The mock refuses connections while its broker is down; the client sees a closed
            // connection, as it would from a real broker that is down.
            _logger.LogDebug(ex, "Relay on port {Port} could not reach the broker at {Target}", Port, _target);
        }
        finally
        {
            client.Dispose();
        }
    }

    private static async Task PumpAsync(NetworkStream from, NetworkStream to, CancellationToken ended)
    {
        try
        {
            await from.CopyToAsync(to, ended);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException)
        {
            // Either side went away or the relay is stopping: both end the connection the same way.
        }
    }
}
