using MassTransit;

namespace CowHealth.Processor.Alerts;

/// <summary>
/// Wraps an endpoint whose consumers may record alert events (the acknowledgement commands): once a
/// message was handled, and so its transaction committed, the relay publishes at once rather than at
/// its next poll. A message that changed nothing costs the relay one empty look.
/// </summary>
public sealed class WakeRelayAfterCommit<T>(AlertOutboxSignal outbox) : IFilter<ConsumeContext<T>>
    where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        await next.Send(context);
        outbox.Notify();
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("wakeRelayAfterCommit");
}
