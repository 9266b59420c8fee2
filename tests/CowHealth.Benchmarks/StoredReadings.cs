using System.Diagnostics;
using System.Diagnostics.Metrics;
using CowHealth.Processor;

namespace CowHealth.Benchmarks;

/// <summary>
/// The readings the Processor reports stored: its <c>readings_ingested</c> counter, added once per
/// committed batch, heard in-process. Waiting on it costs the chain nothing, where a
/// <c>count(*)</c> of the readings table every 50 ms scans a growing table on the same two cores
/// as the chain it measures (and its CPU counted as the chain's).
/// </summary>
internal sealed class StoredReadings : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _stored;
    private long _firstStoredTicks = -1;

    public StoredReadings()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ProcessorMetrics.MeterName && instrument.Name == ProcessorMetrics.ReadingsIngestedName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, count, _, _) =>
        {
            Interlocked.CompareExchange(ref _firstStoredTicks, _clock.Elapsed.Ticks, -1);
            Interlocked.Add(ref _stored, count);
        });
        _listener.Start();
    }

    public long Count => Interlocked.Read(ref _stored);

    /// <summary>When the first batch was stored, on this counter's clock (started when it was made).</summary>
    public TimeSpan FirstStoredAt => TimeSpan.FromTicks(Interlocked.Read(ref _firstStoredTicks));

    /// <summary>Time since this counter was made.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Returns once <paramref name="expected"/> readings have been stored, checking every millisecond or so.</summary>
    public async Task WaitFor(long expected)
    {
        var deadline = Stopwatch.StartNew();
        while (Count < expected)
        {
            if (deadline.Elapsed > TimeSpan.FromMinutes(10))
            {
                throw new TimeoutException($"The Processor stored {Count:N0} of {expected:N0} readings within 10 minutes.");
            }

            await Task.Delay(1);
        }
    }

    public void Dispose() => _listener.Dispose();
}
