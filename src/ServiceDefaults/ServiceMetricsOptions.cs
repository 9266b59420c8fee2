namespace CowHealth.ServiceDefaults;

/// <summary>What a service's <c>/metrics</c> shows. Section <c>Metrics</c>.</summary>
public sealed class ServiceMetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>
    /// Whether this service also exports what belongs to its whole process: CPU, memory, GC and
    /// thread pool (<c>process_*</c>, <c>dotnet_*</c>, <c>system_runtime_*</c>) and MassTransit's
    /// meter, which MassTransit keeps once per process. Default true: one service, one process.
    /// The local run, three services in one process, leaves it on for the Processor only, so no
    /// dashboard counts the process three times.
    /// </summary>
    public bool ProcessWide { get; set; } = true;
}
