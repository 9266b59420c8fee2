using CowHealth.Connector.Accounts;
using Microsoft.Extensions.Options;

namespace CowHealth.Connector.Polling;

/// <summary>Polls every configured vendor account side by side; one account failing holds up no other.</summary>
public sealed class VendorPolling(AccountPoller poller, IOptions<ConnectorOptions> options) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(options.Value.Accounts.Select(a => Task.Run(() => poller.Run(a.Key, a.Value, stoppingToken), stoppingToken)));
}
