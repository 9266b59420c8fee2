using System.Text.Json;
using CowHealth.Contracts;
using CowHealth.Processor.Detection;

namespace CowHealth.Tests.Detection;

/// <summary>What every rule promises, each on its textbook case (<see cref="RuleScenario"/>).</summary>
public sealed class DetectionRules_Specs
{
    [Theory]
    [MemberData(nameof(RuleScenario.Names), MemberType = typeof(RuleScenario))]
    public void Each_condition_is_detected_once_on_its_signature_and_cleared_once_after_its_clearing_window(string scenario)
    {
        var rule = RuleScenario.Named(scenario);

        var changes = Detectors.New().Run(rule.Readings());

        var detected = Assert.Single(changes, c => c.Kind == ConditionChangeKind.Detected);
        var cleared = Assert.Single(changes, c => c.Kind == ConditionChangeKind.Cleared);
        Assert.True(changes.Count == 2, changes.Describe());
        Assert.Equal(rule.Condition, detected.Condition);
        Assert.Equal(rule.Condition, cleared.Condition);
        Assert.Equal(rule.Severity, detected.Severity);
        Assert.InRange(detected.At, rule.SignatureStart, rule.SignatureStart + rule.DetectedWithin);
        Assert.InRange(cleared.At, rule.SignatureEnd + rule.ClearAfter, rule.SignatureEnd + rule.RecoveryFor);
        Assert.InRange(detected.Evidence.WindowStart, rule.SignatureStart - TimeSpan.FromHours(1), detected.At);
        Assert.Equal(detected.At, detected.Evidence.WindowEnd);
        Assert.False(string.IsNullOrWhiteSpace(detected.Evidence.Summary));
    }

    [Theory]
    [MemberData(nameof(RuleScenario.Names), MemberType = typeof(RuleScenario))]
    public void Re_delivered_readings_change_nothing(string scenario)
    {
        var readings = RuleScenario.Named(scenario).Readings();
        var expected = Detectors.New().Run(readings);
        var detector = Detectors.New();

        var changes = new List<ConditionChange>();
        for (var i = 0; i < readings.Count; i++)
        {
            changes.AddRange(detector.Observe(readings[i]));
            // Kafka delivers at least once: the same reading again, and an older one, after a crash.
            Assert.Empty(detector.Observe(readings[i]));
            Assert.Empty(detector.Observe(readings[Math.Max(0, i - 3)] with { ReadingId = Guid.NewGuid() }));
        }

        Assert.Equal(expected, changes);
    }

    [Theory]
    [MemberData(nameof(RuleScenario.Names), MemberType = typeof(RuleScenario))]
    public void Restarting_from_snapshots_gives_the_same_changes_as_an_uninterrupted_run(string scenario)
    {
        var readings = RuleScenario.Named(scenario).Readings();
        var expected = Detectors.New().Run(readings);

        // A restart every 37 readings (about six hours, at every phase of the case), through JSON as the database keeps it.
        var changes = new List<ConditionChange>();
        var detector = Detectors.New();
        for (var i = 0; i < readings.Count; i++)
        {
            if (i > 0 && i % 37 == 0)
            {
                var stored = JsonSerializer.Serialize(detector.Snapshot(readings[i].CowId), JsonSerializerOptions.Web);
                detector = Detectors.New();
                detector.Restore(JsonSerializer.Deserialize<CowDetectionSnapshot>(stored, JsonSerializerOptions.Web)!);
            }

            changes.AddRange(detector.Observe(readings[i]));
        }

        Assert.Equal(expected, changes);
    }

    [Theory]
    [MemberData(nameof(RuleScenario.Names), MemberType = typeof(RuleScenario))]
    public void Changes_follow_event_time_only_whenever_and_however_interleaved_the_readings_are_processed(string scenario)
    {
        var rule = RuleScenario.Named(scenario);
        var readings = rule.Readings();
        var expected = Detectors.New().Run(readings);

        // The same readings 400 days later, written in another UTC offset, interleaved with a herd
        // mate's and with silence checks, as a backfill or a live run would deliver them.
        var shift = TimeSpan.FromDays(400);
        var mate = new CowTimeline("F01-C0002", seed: 2).Healthy(readings[^1].MeasuredAt - readings[0].MeasuredAt);
        var detector = Detectors.New();
        var changes = new List<ConditionChange>();
        for (var i = 0; i < readings.Count; i++)
        {
            var at = (readings[i].MeasuredAt + shift).ToOffset(TimeSpan.FromHours(2));
            changes.AddRange(detector.Observe(readings[i] with { MeasuredAt = at }));
            if (i < mate.Count)
            {
                detector.Observe(mate[i] with { MeasuredAt = mate[i].MeasuredAt + shift });
            }

            detector.CheckSilence("F01", at);
        }

        var shiftedBack = changes.Where(c => c.CowId == readings[0].CowId).Select(c => c with
        {
            At = c.At - shift,
            Evidence = c.Evidence with
            {
                WindowStart = c.Evidence.WindowStart - shift,
                WindowEnd = c.Evidence.WindowEnd - shift,
                Action = c.Evidence.Action is { } action
                    ? action with { From = action.From - shift, To = action.To - shift, Expected = action.Expected - shift }
                    : null,
            },
        });
        Assert.Equal(expected, shiftedBack);
    }
}
