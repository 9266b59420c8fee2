using System.Diagnostics;

namespace CowHealth.Tests.Infrastructure;

/// <summary>
/// Waits for something the system does asynchronously to become true, checking often and failing
/// with a useful message at the deadline. A wait on a condition, never a fixed sleep.
/// </summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T?>> probe, TimeSpan timeout, string waitingFor)
        where T : class
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (value is not null)
            {
                return value;
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for {waitingFor}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }
}
