using System.Net;
using CowHealth.Tests.Infrastructure;
using Npgsql;

namespace CowHealth.Tests.Gateway;

/// <summary>The Gateway is ready only while both its database and Kafka answer.</summary>
[Collection(PostgresCollection.Name)]
public sealed class GatewayReadiness_Specs(ThrowawayPostgres postgres)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Ready_follows_kafka_going_down_and_up_and_the_database_going_away()
    {
        await using var gateway = await GatewayUnderTest.StartAsync(postgres, "gateway_ready");
        using var client = gateway.Client();
        await ReadyIs(client, HttpStatusCode.OK, "the Gateway to be ready");

        gateway.Run.EmbeddedBroker!.SetBrokerDown(1);
        var down = await ReadyIs(client, HttpStatusCode.ServiceUnavailable, "readiness to see Kafka gone");
        Assert.Equal("Unhealthy", down);

        gateway.Run.EmbeddedBroker.SetBrokerUp(1);
        await ReadyIs(client, HttpStatusCode.OK, "readiness to see Kafka back");

        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(gateway.Database) { Database = "postgres" }.ConnectionString))
        {
            await admin.OpenAsync();
            var name = new NpgsqlConnectionStringBuilder(gateway.Database).Database;
            await using var drop = new NpgsqlCommand($"DROP DATABASE \"{name}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        await ReadyIs(client, HttpStatusCode.ServiceUnavailable, "readiness to see the database gone");
    }

    private static Task<string> ReadyIs(HttpClient client, HttpStatusCode status, string waitingFor) =>
        Eventually.Until(
            async () =>
            {
                using var response = await client.GetAsync("/health/ready");
                return response.StatusCode == status ? await response.Content.ReadAsStringAsync() : null;
            },
            Wait,
            waitingFor);
}
