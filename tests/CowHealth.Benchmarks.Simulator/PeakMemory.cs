using System.Diagnostics;

namespace CowHealth.Benchmarks.Simulator;

/// <summary>
/// Samples the managed heap while a run goes on; the resident peak comes from the kernel
/// (VmHWM), which is why each run has a process of its own.
/// </summary>
internal sealed class PeakMemory : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _peakHeap;

    public PeakMemory() => _sampling = Sample(_stop.Token);

    public long PeakManagedHeapBytes => Interlocked.Read(ref _peakHeap);

    public static long PeakResidentBytes
    {
        get
        {
            using var self = Process.GetCurrentProcess();
            return self.PeakWorkingSet64;
        }
    }

    private async Task Sample(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        try
        {
            do
            {
                var heap = GC.GetTotalMemory(forceFullCollection: false);
                if (heap > _peakHeap)
                {
                    Interlocked.Exchange(ref _peakHeap, heap);
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException)
        {
            // Stopped at the end of the run.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }
}
