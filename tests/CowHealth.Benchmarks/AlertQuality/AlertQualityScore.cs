using CowHealth.Contracts;
using CowHealth.Processor.Detection;
using CowHealth.Simulator.Conditions;

namespace CowHealth.Benchmarks.AlertQuality;

/// <summary>
/// Scores one run's alerts against its ground truth. An episode counts as detected when an alert of
/// its condition on its cow was raised (or re-opened) between its onset and its end (calving: before
/// the calf; others: up to 6 h after the end, when the alert is late but still about it), or was
/// already open at its onset. An alert is false when its cow had no episode of any condition from
/// 12 h before its onset to 2 days after its end (an illness shows in several measures, and a
/// fever's rumination drop is not a false alarm); healthy cow-days are the time outside those
/// stretches.
/// </summary>
internal sealed class AlertQualityScore
{
    public static readonly TimeSpan AttributedBefore = TimeSpan.FromHours(12);
    public static readonly TimeSpan AttributedAfter = TimeSpan.FromDays(2);
    public static readonly TimeSpan LateButAbout = TimeSpan.FromHours(6);

    /// <summary>The resolution target: the rule's clearing window plus this.</summary>
    public static readonly TimeSpan ResolveSlack = TimeSpan.FromHours(2);

    public List<EpisodeOutcome> Outcomes { get; } = [];

    public List<FalseAlert> FalseAlerts { get; } = [];

    public double HealthyCowDays { get; private set; }

    public double CowDays { get; private set; }

    /// <summary>The conditions scored, in the order of the report.</summary>
    public static readonly HealthCondition[] Scored =
    [
        HealthCondition.Fever, HealthCondition.Heat, HealthCondition.Calving, HealthCondition.SubacuteRuminalAcidosis,
        HealthCondition.LowWaterIntake, HealthCondition.ExcessiveDrinking, HealthCondition.SensorOffline, HealthCondition.SensorFault,
    ];

    public static TimeSpan ClearAfter(HealthCondition condition, DetectionSettings settings) => condition switch
    {
        HealthCondition.Fever => settings.Fever.ClearAfter,
        HealthCondition.TemperatureDrop => settings.TemperatureDrop.ClearAfter,
        HealthCondition.Calving => settings.Calving.ClearAfter,
        HealthCondition.Heat => settings.Heat.ClearAfter,
        HealthCondition.RuminationDrop => settings.RuminationDrop.ClearAfter,
        HealthCondition.LowActivity => settings.LowActivity.ClearAfter,
        HealthCondition.SubacuteRuminalAcidosis => settings.SubacuteRuminalAcidosis.ClearAfter,
        HealthCondition.LowWaterIntake => settings.LowWaterIntake.ClearAfter,
        HealthCondition.ExcessiveDrinking => settings.ExcessiveDrinking.ClearAfter,
        HealthCondition.SensorFault => settings.SensorFault.ClearAfter,
        // Cleared by her next reading.
        _ => TimeSpan.Zero,
    };

    public void Add(ScorecardHerd run, IReadOnlyList<AlertSpan> spans, DetectionSettings settings)
    {
        var byCow = spans.GroupBy(s => (s.CowId, s.Condition)).ToDictionary(g => g.Key, g => g.OrderBy(s => s.From).ToList());
        var episodes = run.Episodes();
        foreach (var episode in episodes.Where(e => Scored.Contains(e.Condition)))
        {
            Outcomes.Add(Judge(run, episode, byCow.GetValueOrDefault((episode.CowId, episode.Condition)) ?? [], settings));
        }

        var attributed = episodes.GroupBy(e => e.CowId)
            .ToDictionary(g => g.Key, g => Merge(g.Select(e => (From: e.OnsetAt - AttributedBefore, To: e.EndsAt + AttributedAfter))));
        foreach (var span in spans.Where(s => s.From >= run.Start))
        {
            var near = attributed.GetValueOrDefault(span.CowId) ?? [];
            if (!near.Any(n => n.From <= span.From && span.From < n.To))
            {
                FalseAlerts.Add(new FalseAlert(span.CowId, span.Condition, span.From));
            }
        }

        foreach (var cow in run.Herd.Cows)
        {
            var total = (run.End - run.Start).TotalDays;
            var ill = (attributed.GetValueOrDefault(cow.CowId) ?? [])
                .Sum(n => Math.Max(0, (Min(n.To, run.End) - Max(n.From, run.Start)).TotalDays));
            CowDays += total;
            HealthyCowDays += total - ill;
        }
    }

    private static EpisodeOutcome Judge(ScorecardHerd run, ConditionEpisode episode, List<AlertSpan> spans, DetectionSettings settings)
    {
        var severity = SeverityBand.SeverityOf(episode);
        var band = SeverityBand.Of(episode.Condition, severity);
        var excluded = Exclusion(run, episode, settings);
        if (excluded is not null)
        {
            return new EpisodeOutcome(episode, severity, band, excluded, null, null, false);
        }

        var latest = episode.Condition == HealthCondition.Calving ? episode.EndsAt : episode.EndsAt + LateButAbout;
        var about = spans.Where(s => s.From <= latest && s.ToOr(DateTimeOffset.MaxValue) > episode.OnsetAt).ToList();
        if (about.Count == 0)
        {
            return new EpisodeOutcome(episode, severity, band, null, null, null, false);
        }

        var detectedAt = Max(about[0].From, episode.OnsetAt);
        var resolvedAt = about.Any(s => s.To is null) ? (DateTimeOffset?)null : about.Max(s => s.To!.Value);
        var resolutionScored = episode.EndsAt + ClearAfter(episode.Condition, settings) + ResolveSlack + TimeSpan.FromHours(1) <= run.End;
        return new EpisodeOutcome(episode, severity, band, null, detectedAt, resolvedAt, resolutionScored, about[0].Action);
    }

    private static string? Exclusion(ScorecardHerd run, ConditionEpisode episode, DetectionSettings settings)
    {
        if (episode.OnsetAt < run.Start + ScorecardHerd.InjectFrom)
        {
            return "onset within the first 3.5 days (warm-up)";
        }

        if (episode.EndsAt + LateButAbout > run.End)
        {
            return "runs past the end of the run";
        }

        if (episode.Condition == HealthCondition.SubacuteRuminalAcidosis && run.Herd.FindCow(episode.CowId) is { HasPhBolus: false })
        {
            return "her bolus does not measure pH";
        }

        if (episode.Condition == HealthCondition.SensorOffline && episode.EndsAt - episode.OnsetAt <= settings.SensorOffline.SilentFor + run.Herd.SensorInterval)
        {
            return "a silence shorter than SensorOffline:SilentFor";
        }

        return null;
    }

    private static List<(DateTimeOffset From, DateTimeOffset To)> Merge(IEnumerable<(DateTimeOffset From, DateTimeOffset To)> stretches)
    {
        var merged = new List<(DateTimeOffset From, DateTimeOffset To)>();
        foreach (var s in stretches.OrderBy(s => s.From))
        {
            if (merged.Count > 0 && s.From <= merged[^1].To)
            {
                merged[^1] = (merged[^1].From, Max(merged[^1].To, s.To));
            }
            else
            {
                merged.Add(s);
            }
        }

        return merged;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
