using CowHealth.Contracts;
using CowHealth.EmbeddedKafka;
using CowHealth.Tests.Detection;

namespace CowHealth.Tests.Processor;

/// <summary>The herd the Processor's failure specs stream: each compares a run that suffers a failure with one that does not.</summary>
public static class ReferenceHerd
{
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static PipelineOutcome? _uninterrupted;

    /// <summary>The herd through one Processor that suffers nothing: what every failure and scale-out spec must end in. Run once per test run.</summary>
    public static async Task<PipelineOutcome> Uninterrupted(ThrowawayPostgres postgres)
    {
        await Once.WaitAsync();
        try
        {
            if (_uninterrupted is null)
            {
                var herd = Readings();
                var database = await postgres.CreateDatabaseAsync("uninterrupted");
                await using var broker = await EmbeddedKafkaBroker.StartAsync(new EmbeddedKafkaOptions { GroupInitialRebalanceDelay = TimeSpan.Zero });
                using var processor = ProcessorProcess.Start(broker.BootstrapServers, database);
                ReadingsOnKafka.Produce(broker.BootstrapServers, herd);
                _uninterrupted = await PipelineOutcome.WhenSettled(database, broker.BootstrapServers, herd.Count);
                Assert.NotEmpty(_uninterrupted.Alerts);
                Assert.Equal(0, _uninterrupted.PublishedDuplicates);
            }

            return _uninterrupted;
        }
        finally
        {
            Once.Release();
        }
    }

    /// <summary>
    /// Thirty cows over four and a half days, in time order as a base station forwards them; every
    /// third runs a fever on the fourth day that clears, and three boluses fall silent for five hours.
    /// </summary>
    public static List<SensorReading> Readings()
    {
        var readings = new List<SensorReading>();
        for (var n = 0; n < 30; n++)
        {
            var cow = new CowTimeline(cowId: $"F01-C{n:D4}", seed: n + 1);
            readings.AddRange(cow.Healthy(TimeSpan.FromDays(3)));
            readings.AddRange(n % 3 == 0
                ? cow.Next(TimeSpan.FromHours(8), new Signature { TemperatureOffsetCelsius = 1.8 })
                : cow.Healthy(TimeSpan.FromHours(8)));
            var rest = cow.Healthy(TimeSpan.FromHours(28));
            readings.AddRange(n % 10 == 4 ? rest.Where(r => r.MeasuredAt - rest[0].MeasuredAt is var t && (t < TimeSpan.FromHours(2) || t > TimeSpan.FromHours(7))) : rest);
        }

        return readings.OrderBy(r => r.MeasuredAt).ThenBy(r => r.CowId, StringComparer.Ordinal).ToList();
    }
}
