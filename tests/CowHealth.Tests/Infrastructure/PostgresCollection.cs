namespace CowHealth.Tests.Infrastructure;

/// <summary>
/// Tests that need PostgreSQL share one throwaway server and run one class at a time: on a
/// two-core machine, whole-pipeline tests side by side would only measure each other.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<ThrowawayPostgres>
{
    public const string Name = "PostgreSQL";
}
