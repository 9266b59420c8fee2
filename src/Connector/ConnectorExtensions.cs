using CowHealth.Connector.Accounts;
using CowHealth.Connector.Polling;
using CowHealth.Connector.Positions;
using CowHealth.Contracts;
using CowHealth.KafkaRider.Registration;
using CowHealth.Storage;
using MassTransit;

namespace CowHealth.Connector;

public static class ConnectorExtensions
{
    /// <summary>The vendor accounts and their pollers, the stored cursors, and the producer that sends the readings to Kafka.</summary>
    public static IHostApplicationBuilder AddConnector(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ConnectorOptions>().Bind(builder.Configuration.GetSection(ConnectorOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        // Redirects are not followed: a vendor moving its API should be told to us, not silently obeyed with our key.
        builder.Services.AddHttpClient(VendorClient.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan);
        builder.Services.AddCowHealthStorage(builder.Configuration);
        builder.Services.AddSingleton<VendorClient>();
        builder.Services.AddSingleton<VendorPositions>();
        builder.Services.AddSingleton<ConnectorMetrics>();
        builder.Services.AddSingleton<AccountPoller>();
        builder.Services.AddMassTransit(bus =>
        {
            bus.UsingInMemory();
            bus.AddRider(rider => rider.AddProducer<SensorReading>(Topics.Readings));
        });
        builder.Services.AddHostedService<VendorPolling>();
        return builder;
    }
}
