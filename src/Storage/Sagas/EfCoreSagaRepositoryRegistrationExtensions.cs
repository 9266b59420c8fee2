using MassTransit;
using MassTransit.Configuration;
using Microsoft.EntityFrameworkCore;

namespace CowHealth.Storage.Sagas;

public static class EfCoreSagaRepositoryRegistrationExtensions
{
    /// <summary>
    /// Keeps the saga's instances in <see cref="CowHealthDb"/> (which must map <typeparamref name="TSaga"/>),
    /// with optimistic concurrency through <see cref="ISagaVersion"/>.
    /// </summary>
    public static ISagaRegistrationConfigurator<TSaga> EfCoreRepository<TSaga>(this ISagaRegistrationConfigurator<TSaga> configurator)
        where TSaga : class, ISaga, ISagaVersion
    {
        configurator.Repository(repository =>
            repository.RegisterSagaRepository<TSaga, DbContext, DbContextSagaConsumeContextFactory<TSaga>, EfCoreSagaRepositoryContextFactory<TSaga>>());
        return configurator;
    }
}
