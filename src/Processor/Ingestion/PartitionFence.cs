using CowHealth.KafkaRider.Failures;
using CowHealth.Storage;

namespace CowHealth.Processor.Ingestion;

/// <summary>
/// Keeps a Processor that lost a readings partition from writing after its successor began (see
/// <see cref="ReadingsPartitionHolder"/>). Both statements run inside the batch's transaction and
/// lock the partition's row until it ends: a new holder's claim waits for a batch still running
/// elsewhere, then that old holder's next batch finds the generation moved on and commits nothing.
/// </summary>
internal static class PartitionFence
{
    /// <summary>Takes the partition over: raises its generation and returns the new one.</summary>
    public static async Task<long> Claim(CowHealthDb db, int partition, CancellationToken cancellationToken)
    {
        await using var command = RawSql.Command(db);
        var p = RawSql.Parameter(command, partition);
        command.CommandText =
            $"INSERT INTO readings_partition_holders (partition, generation) VALUES ({p}, 1) " +
            "ON CONFLICT (partition) DO UPDATE SET generation = readings_partition_holders.generation + 1 RETURNING generation";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Throws <see cref="PartitionFencedException"/> unless <paramref name="generation"/> still holds the partition.</summary>
    public static async Task Hold(CowHealthDb db, int partition, long generation, CancellationToken cancellationToken)
    {
        await using var command = RawSql.Command(db);
        var p = RawSql.Parameter(command, partition);
        var g = RawSql.Parameter(command, generation);
        command.CommandText = $"UPDATE readings_partition_holders SET generation = generation WHERE partition = {p} AND generation = {g}";
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            throw new PartitionFencedException(
                $"Readings partition {partition} has been taken over by another holder since generation {generation}; this batch commits nothing.");
        }
    }
}
