namespace CowHealth.LocalRun;

/// <summary>
/// Keeps each in-process service from listening for Ctrl+C itself: the local run owns the signal
/// and stops the services in order (Simulator, Processor, Gateway, broker), so offsets are
/// committed before the broker goes away.
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
