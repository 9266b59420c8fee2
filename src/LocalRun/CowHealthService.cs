using CowHealth.Connector;
using CowHealth.Gateway;
using CowHealth.Processor;
using CowHealth.Simulator;
using CowHealth.Simulator.FakeApi;

namespace CowHealth.LocalRun;

/// <summary>One of the services as the local run composes it: the same Add/Map calls its own Program.cs makes.</summary>
internal sealed record CowHealthService(string Name, Action<IHostApplicationBuilder> Add, Action<WebApplication> Map)
{
    public static CowHealthService Processor { get; } = new("Processor", b => b.AddProcessor(), _ => { });

    public static CowHealthService Gateway { get; } = new("Gateway", b => b.AddGateway(), a => a.MapGateway());

    public static CowHealthService Simulator { get; } = new("Simulator", b => b.AddSimulator(), a => a.MapFakeApi());

    public static CowHealthService Connector { get; } = new("Connector", b => b.AddConnector(), _ => { });
}
