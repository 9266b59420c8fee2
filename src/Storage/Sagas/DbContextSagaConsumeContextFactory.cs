using MassTransit;
using MassTransit.Context;
using MassTransit.Saga;
using Microsoft.EntityFrameworkCore;

namespace CowHealth.Storage.Sagas;

/// <summary>
/// Gives every saga consume context the saga's <see cref="CowHealthDb"/> as a payload, so a state
/// machine activity (recording an alert, queueing its event) writes through the same context and
/// transaction as the saga state: <c>context.GetPayload&lt;CowHealthDb&gt;()</c>.
/// </summary>
internal sealed class DbContextSagaConsumeContextFactory<TSaga> : ISagaConsumeContextFactory<DbContext, TSaga>
    where TSaga : class, ISaga
{
    public Task<SagaConsumeContext<TSaga, T>> CreateSagaConsumeContext<T>(
        DbContext context, ConsumeContext<T> consumeContext, TSaga instance, SagaConsumeContextMode mode)
        where T : class =>
        Task.FromResult<SagaConsumeContext<TSaga, T>>(
            new DefaultSagaConsumeContext<TSaga, T>(new ConsumeContextScope<T>(consumeContext, context), instance));
}
