using MassTransit;
using MassTransit.Saga;
using Microsoft.EntityFrameworkCore;

namespace CowHealth.Storage.Sagas;

/// <summary>
/// MassTransit's entry into our saga storage (<c>MassTransit.EntityFrameworkCore</c> is not available
/// to us). Each message runs in a transaction: the ambient one when the sender holds one
/// (<see cref="AmbientDbContext"/>), else its own. A version conflict rolls back and throws, and the
/// endpoint's retry runs the message again against fresh state.
/// </summary>
internal sealed class EfCoreSagaRepositoryContextFactory<TSaga>(CowHealthDb scopedDb, ISagaConsumeContextFactory<DbContext, TSaga> factory)
    : ISagaRepositoryContextFactory<TSaga>
    where TSaga : class, ISaga
{
    public void Probe(ProbeContext context) => context.Add("persistence", "cowhealth-efcore");

    public Task Send<T>(ConsumeContext<T> context, IPipe<SagaRepositoryContext<TSaga, T>> next)
        where T : class =>
        WithinTransaction(context, async db =>
        {
            var repositoryContext = new EfCoreSagaRepositoryContext<TSaga, T>(db, context, factory);
            await next.Send(repositoryContext);
        });

    public Task SendQuery<T>(ConsumeContext<T> context, ISagaQuery<TSaga> query, IPipe<SagaRepositoryQueryContext<TSaga, T>> next)
        where T : class =>
        WithinTransaction(context, async db =>
        {
            var instances = await db.Set<TSaga>().Where(query.FilterExpression).ToListAsync(context.CancellationToken);
            var repositoryContext = new EfCoreSagaRepositoryContext<TSaga, T>(db, context, factory);
            await next.Send(new LoadedSagaRepositoryQueryContext<TSaga, T>(repositoryContext, instances));
        });

    private async Task WithinTransaction<T>(ConsumeContext<T> context, Func<CowHealthDb, Task> work)
        where T : class
    {
        if (context.TryGetPayload<AmbientDbContext>(out var ambient))
        {
            // The sender commits or rolls back; a failure here fails its whole unit of work.
            await work(ambient.Db);
            return;
        }

        await using var transaction = await scopedDb.Database.BeginTransactionAsync(context.CancellationToken);
        try
        {
            await work(scopedDb);
            // Rows that activities added without changing the saga (an answer to a bad request, say) are saved too.
            await scopedDb.SaveChangesAsync(context.CancellationToken);
            await transaction.CommitAsync(context.CancellationToken);
        }
        catch
        {
            await transaction.RollbackAsync(CancellationToken.None);
            // A retry of this message must not see entities tracked by the failed attempt.
            scopedDb.ChangeTracker.Clear();
            throw;
        }
    }
}
