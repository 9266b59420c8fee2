using System.Diagnostics.Metrics;
using MassTransit.Logging;
using MassTransit.Monitoring;
using Microsoft.Extensions.Options;
using Prometheus;

namespace CowHealth.ServiceDefaults;

/// <summary>
/// One service's Prometheus registry: its HTTP metrics, the meters it created through its own
/// <see cref="IMeterFactory"/> (<c>CowHealth.*</c>), and when it owns the process
/// (<see cref="ServiceMetricsOptions.ProcessWide"/>) the runtime and MassTransit.
/// </summary>
/// <remarks>
/// Not prometheus-net's static default registry: services that share a process (the local run,
/// the tests) would all show the sum of everyone's metrics on every port. And the meter adapter
/// listens from the moment this is built, at start-up, where the default registry's adapter only
/// starts at the first scrape and loses whatever was counted before it.
/// </remarks>
public sealed class ServiceMetrics : IDisposable
{
    /// <summary>Meters named so are the service's own: created through its <see cref="IMeterFactory"/>.</summary>
    public const string OwnMeterPrefix = "CowHealth.";

    /// <summary>.NET's runtime meter: GC, thread pool, exceptions, CPU time of the process.</summary>
    public const string RuntimeMeterName = "System.Runtime";

    /// <summary>
    /// Our labels are bounded sets, so nothing needs to expire; the adapter's default (5 minutes)
    /// would drop a counter that did not move for a while (an alert of a rare kind) and restart it
    /// from zero. A day is the longest the adapter allows.
    /// </summary>
    private static readonly TimeSpan KeepIdleSeriesFor = TimeSpan.FromDays(1);

    private readonly IDisposable _adapter;

    public ServiceMetrics(IMeterFactory meters, IOptions<ServiceMetricsOptions> options)
    {
        var processWide = options.Value.ProcessWide;
        Registry = Metrics.NewCustomRegistry();
        Factory = Metrics.WithCustomRegistry(Registry);
        if (processWide)
        {
            DotNetStats.Register(Registry);
        }

        _adapter = MeterAdapter.StartListening(new MeterAdapterOptions
        {
            Registry = Registry,
            MetricFactory = Factory,
            InstrumentFilterPredicate = instrument => Exports(instrument.Meter, meters, processWide),
            MetricsExpireAfter = KeepIdleSeriesFor,
            ResolveHistogramBuckets = BucketsOf,
        });
    }

    public CollectorRegistry Registry { get; }

    public IMetricFactory Factory { get; }

    /// <summary>
    /// Makes MassTransit's meter one that lives as long as the process. Left to itself MassTransit
    /// creates it once, from the first service provider that starts a bus, and it dies with that
    /// provider, which in a process hosting several services (or tests) silences it for all.
    /// The first call in a process wins; later calls do nothing.
    /// </summary>
    public static void KeepMassTransitMeterForProcess(string serviceName)
    {
        var instrumentation = new InstrumentationOptions();
        new ConfigureDefaultInstrumentationOptions().Configure(instrumentation);
        WithoutRepeatedPrefix(instrumentation);
        instrumentation.ServiceName = serviceName;
        LogContextInstrumentationExtensions.TryConfigure(instrumentation);
    }

    /// <summary>
    /// MassTransit names its instruments and labels <c>messaging.masstransit.consume</c> and so on;
    /// exported under its meter's name that would read <c>masstransit_messaging_masstransit_consume</c>.
    /// Dropping the repeated part gives <c>masstransit_consume</c>, labels such as <c>consumer_type</c>,
    /// and, as its durations are in milliseconds, <c>masstransit_consume_duration_ms</c>.
    /// </summary>
    private static void WithoutRepeatedPrefix(InstrumentationOptions instrumentation)
    {
        const string repeated = "messaging.masstransit.";
        foreach (var name in typeof(InstrumentationOptions).GetProperties().Where(p => p.PropertyType == typeof(string) && p.CanWrite))
        {
            if (name.GetValue(instrumentation) is string value && value.StartsWith(repeated, StringComparison.Ordinal))
            {
                var shorter = value[repeated.Length..];
                name.SetValue(instrumentation, shorter.EndsWith(".duration", StringComparison.Ordinal) ? shorter + "_ms" : shorter);
            }
        }
    }

    public void Dispose() => _adapter.Dispose();

    private static bool Exports(Meter meter, IMeterFactory ownMeters, bool processWide)
    {
        if (meter.Name.StartsWith(OwnMeterPrefix, StringComparison.Ordinal))
        {
            // A meter made without a factory belongs to no service in particular: the process's owner shows it.
            return ReferenceEquals(meter.Scope, ownMeters) || (meter.Scope is null && processWide);
        }

        return processWide && meter.Name is RuntimeMeterName or InstrumentationOptions.MeterName;
    }

    /// <summary>The instrument's own advice when it gives one (ours do), else prometheus-net's default.</summary>
    private static double[] BucketsOf(Instrument instrument) =>
        instrument is Instrument<double> { Advice.HistogramBucketBoundaries: { } boundaries }
            ? [.. boundaries]
            : MeterAdapterOptions.DefaultHistogramBuckets;
}
