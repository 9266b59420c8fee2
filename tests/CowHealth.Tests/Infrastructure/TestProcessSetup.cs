using System.Runtime.CompilerServices;
using CowHealth.ServiceDefaults;

namespace CowHealth.Tests.Infrastructure;

/// <summary>What a service's process does once at start, done once for the test process too.</summary>
internal static class TestProcessSetup
{
    /// <summary>
    /// Many hosts come and go in this process, and not all of them use the service defaults; without
    /// this, MassTransit's meter would belong to whichever host started a bus first and die with it.
    /// </summary>
    [ModuleInitializer]
    internal static void KeepMassTransitMeter() => ServiceMetrics.KeepMassTransitMeterForProcess("CowHealth.Tests");
}
