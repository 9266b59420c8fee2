using System.Diagnostics.Metrics;
using CowHealth.Contracts;
using CowHealth.Simulator.Clock;
using CowHealth.Simulator.Conditions;

namespace CowHealth.Simulator;

/// <summary>
/// The simulator's instruments, on meter <c>CowHealth.Simulator</c>. prometheus-net exports each as
/// <c>cowhealth_simulator_</c> plus the instrument name (<c>cowhealth_simulator_readings_produced</c>).
/// Labels are condition kinds only, never a cow: a herd of thousands must not become thousands of series.
/// </summary>
/// <remarks>
/// The counts are kept here and observed at scrape time rather than recorded as they happen, so
/// the service itself (and its tests) can read the same totals that <c>/metrics</c> shows.
/// </remarks>
public sealed class SimulatorMetrics
{
    public const string MeterName = "CowHealth.Simulator";

    private readonly long[] _injected = new long[Enum.GetValues<HealthCondition>().Length];
    private long _produced;
    private long _produceFailures;

    public SimulatorMetrics(IMeterFactory meters, SimulationClock clock, GroundTruth groundTruth)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableCounter(
            "readings.produced", () => ReadingsProduced, "{reading}", "Readings the broker acknowledged.");
        meter.CreateObservableCounter(
            "produce.failures", () => ProduceFailures, "{reading}", "Readings whose send failed; they are sent again, never dropped.");
        meter.CreateObservableCounter(
            "conditions.injected",
            () => InjectableConditions.All.Select(c => new Measurement<long>(Interlocked.Read(ref _injected[(int)c]), Tag(c))),
            "{condition}",
            "Conditions injected through the Fake API or scheduled by the settings.");
        meter.CreateObservableGauge(
            "conditions.active",
            () => ActiveConditions(clock, groundTruth),
            "{cow}",
            "Cows that have each condition at the simulated present, injected or spontaneous.");
        meter.CreateObservableGauge(
            "clock.lag",
            () => clock.Lag().TotalSeconds,
            "s",
            "Simulated time that is due but not yet acknowledged by the broker; near zero when the producer keeps up.");
    }

    public long ReadingsProduced => Interlocked.Read(ref _produced);

    public long ProduceFailures => Interlocked.Read(ref _produceFailures);

    public void Produced(int readings) => Interlocked.Add(ref _produced, readings);

    public void ProduceFailed(int readings) => Interlocked.Add(ref _produceFailures, readings);

    public void Injected(HealthCondition condition) => Interlocked.Increment(ref _injected[(int)condition]);

    private static KeyValuePair<string, object?> Tag(HealthCondition condition) => new("condition", condition.ToString());

    private static IEnumerable<Measurement<int>> ActiveConditions(SimulationClock clock, GroundTruth groundTruth) =>
        clock.ProducedThrough is { } present
            ? groundTruth.ActiveCountsAt(present).Select(c => new Measurement<int>(c.Value, Tag(c.Key)))
            : [];
}
