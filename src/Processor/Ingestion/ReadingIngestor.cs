using CowHealth.Contracts;
using CowHealth.KafkaRider;
using CowHealth.Processor.Alerts;
using CowHealth.Processor.Detection;
using CowHealth.Storage;
using CowHealth.Storage.Alerts;
using CowHealth.Storage.Sagas;
using MassTransit;
using MassTransit.Mediator;
using CowHealth.KafkaRider.DeadLetters;

namespace CowHealth.Processor.Ingestion;

/// <summary>
/// Takes a partition's batch of readings through the whole Processor in one transaction: store
/// them, run the detection rules, and let the alert saga act on what the rules found. Either all
/// of it commits or none of it does, so a crash re-delivers the batch and nothing is lost or doubled.
/// Readings no bolus could have sent go to the dead-letter topic, once the good ones are safe.
/// </summary>
public sealed class ReadingIngestor(
    CowHealthDb db,
    ReadingWriter writer,
    ReadingValidator validator,
    HerdDetector detector,
    DetectionStateStore detectionStates,
    PartitionMemories partitions,
    IScopedMediator alerts,
    AlertOutboxSignal outbox,
    DeadLetterPublisher deadLetters,
    ProcessorMetrics metrics,
    TimeProvider clock)
    : IConsumer<TopicBatch<SensorReading>>
{
    public async Task Consume(ConsumeContext<TopicBatch<SensorReading>> context)
    {
        var batch = context.Message;
        var cancellationToken = context.CancellationToken;
        var (accepted, rejected) = Validate(batch);
        var cows = accepted.Select(r => r.Message.CowId).Distinct().ToList();

        var storedAt = clock.GetUtcNow().UtcDateTime;
        var changed = false;
        var silentNoticed = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var partition = await partitions.For(db, batch.Partition, batch.Records[0].Offset, batch.Assignment, cancellationToken);
            // Before this batch's readings are written: what is replayed must be only what came before them.
            await detectionStates.EnsureTracked(db, cows, cancellationToken);
            await writer.Write(db, accepted.Select(r => r.Message).ToList(), storedAt, batch.Partition, cancellationToken);

            var ambient = Pipe.Execute<SendContext>(send => send.GetOrAddPayload(() => new AmbientDbContext(db)));
            var deadlines = partition.Deadlines;
            foreach (var record in accepted)
            {
                var reading = record.Message;
                // Silences this reading's time reveals come first, her own included: a bolus back after
                // a long gap was offline for it, whether or not a scan happened to run during the gap.
                if (partition.Clock.Advance(reading.MeasuredAt, partitions.SilentForTicks) is { Silent.Count: > 0 } scan)
                {
                    await detectionStates.EnsureTracked(db, scan.Silent, cancellationToken);
                    foreach (var cowId in scan.Silent)
                    {
                        if (detector.NoticeSilence(cowId, scan.At) is { } offline)
                        {
                            await alerts.Send(ToSagaMessage(offline), ambient, cancellationToken);
                            await deadlines.Reload(db, cowId, cancellationToken);
                            silentNoticed.Add(cowId);
                            changed = true;
                        }
                    }
                }

                // Deadlines passed before this reading come first: escalation happens at its deadline in
                // event time, whatever the batch boundaries, so a re-run after a crash escalates alike.
                foreach (var (saga, deadline) in deadlines.PassedBy(reading.CowId, reading.MeasuredAt))
                {
                    await alerts.Send(new EscalationDue(saga, deadline), ambient, cancellationToken);
                    changed = true;
                }

                var changes = detector.Observe(reading);
                foreach (var change in changes)
                {
                    await alerts.Send(ToSagaMessage(change), ambient, cancellationToken);
                    changed = true;
                }

                if (changes.Count > 0)
                {
                    await deadlines.Reload(db, reading.CowId, cancellationToken);
                }

                partition.Clock.Heard(reading.CowId, reading.FarmId, reading.MeasuredAt);
            }

            // A noticed silence changes a cow's state without a reading to replay: save it now, or a
            // restart would not know she is offline.
            await detectionStates.SaveDue(
                db, accepted.GroupBy(r => r.Message.CowId).Select(g => (g.Key, g.Max(r => r.Message.MeasuredAt))), silentNoticed, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            partition.Committed(batch.Records[^1].Offset + 1);
        }
        catch
        {
            // Memory ran ahead of the rolled-back database: load these cows and the partition again on the retry.
            detectionStates.Forget(cows.Concat(silentNoticed));
            partitions.Forget(batch.Partition);
            db.ChangeTracker.Clear();
            throw;
        }

        // Stored means committed: the latency a dashboard shows includes the write, detection, the saga and the commit.
        RecordIngestMetrics(accepted, clock.GetUtcNow().UtcDateTime);
        if (changed)
        {
            outbox.Notify();
        }

        foreach (var (record, why) in rejected)
        {
            await deadLetters.Publish(batch, record, why.Detail, cancellationToken);
            metrics.ReadingsRejected.Add(1, ProcessorMetrics.Reason(why.Category));
        }
    }

    private (List<TopicRecord<SensorReading>> Accepted, List<(TopicRecord<SensorReading> Record, Rejection Why)> Rejected) Validate(
        TopicBatch<SensorReading> batch)
    {
        var accepted = new List<TopicRecord<SensorReading>>(batch.Count);
        var rejected = new List<(TopicRecord<SensorReading>, Rejection)>();
        foreach (var record in batch.Records)
        {
            if (validator.Check(record.Message) is { } rejection)
            {
                rejected.Add((record, rejection));
            }
            else
            {
                accepted.Add(record);
            }
        }

        return (accepted, rejected);
    }

    private static object ToSagaMessage(ConditionChange change) => change.Kind == ConditionChangeKind.Detected
        ? new ConditionDetected(CowAlertIdentity.SagaOf(change.CowId, change.Condition), change.CowId, change.FarmId,
            change.Condition, change.Severity, change.At, change.Evidence)
        : new ConditionCleared(CowAlertIdentity.SagaOf(change.CowId, change.Condition), change.CowId, change.Condition, change.At);

    private void RecordIngestMetrics(List<TopicRecord<SensorReading>> accepted, DateTime committedAt)
    {
        metrics.ReadingsIngested.Add(accepted.Count);
        foreach (var record in accepted)
        {
            metrics.MeasuredToStored.Observe((committedAt - record.Message.MeasuredAt.UtcDateTime).TotalSeconds);
            metrics.ProducedToStored.Observe((committedAt - record.Timestamp.UtcDateTime).TotalSeconds);
        }
    }
}
