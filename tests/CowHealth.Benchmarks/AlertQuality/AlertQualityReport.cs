using System.Globalization;
using System.Text;
using CowHealth.Contracts;
using CowHealth.Processor.Detection;

namespace CowHealth.Benchmarks.AlertQuality;

/// <summary>Writes the scorecard (docs/alert-quality.md): tables per condition and severity band, false alerts, the targets, headline lines.</summary>
internal static class AlertQualityReport
{
    public static string Write(AlertQualityScore score, DetectionSettings settings, string setup, IReadOnlyList<string> machine)
    {
        var scored = score.Outcomes.Where(o => o.Excluded is null).ToList();
        var text = new StringBuilder();
        text.AppendLine("# Alert quality");
        text.AppendLine();
        text.AppendLine("Written by `dotnet run -c Release --project tests/CowHealth.Benchmarks -- alert-quality` (do not edit by hand; run it again).");
        text.AppendLine("How it measures, and what flatters or hurts the figures, is in [processor.md](processor.md#alert-quality-scorecard).");
        text.AppendLine();
        text.AppendLine("```");
        foreach (var line in machine)
        {
            text.AppendLine(line);
        }

        text.AppendLine(setup);
        text.AppendLine("```");
        text.AppendLine();
        text.AppendLine("## Per condition and severity band");
        text.AppendLine();
        text.AppendLine("Delay: from the episode's onset (a fever's first rise) to its alert. Resolved: the alert resolved within the rule's " +
            "`ClearAfter` + 2 h of the episode's end (episodes whose end lies too near the end of the run for that are left out of this column).");
        text.AppendLine();
        text.AppendLine("| condition | severity | episodes | detected | sensitivity | delay median h | delay p90 h | resolved in ClearAfter + 2 h | resolve median h after end | resolve p90 h |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var condition in AlertQualityScore.Scored)
        {
            var ofCondition = scored.Where(o => o.Episode.Condition == condition).ToList();
            if (ofCondition.Count == 0)
            {
                text.AppendLine($"| {condition} | — | 0 | | | | | | | |");
                continue;
            }

            foreach (var band in ofCondition.Select(o => o.Band).Distinct().Order())
            {
                text.AppendLine(Row(condition.ToString(), SeverityBand.Describe(condition, band), ofCondition.Where(o => o.Band == band).ToList(), settings));
            }

            if (ofCondition.Select(o => o.Band).Distinct().Count() > 1)
            {
                text.AppendLine(Row($"**{condition}**", "**all**", ofCondition, settings));
            }
        }

        var calvings = scored.Where(o => o.Episode.Condition == HealthCondition.Calving).ToList();
        var leads = calvings.Where(o => o.Detected).Select(o => (o.Episode.EndsAt - o.DetectedAt!.Value).TotalHours).ToList();
        var earlyCalvings = calvings.Count == 0 ? double.NaN : leads.Count(h => h >= 6) / (double)calvings.Count;
        text.AppendLine();
        text.AppendLine("## Calving: how long before the calf");
        text.AppendLine();
        text.AppendLine($"{calvings.Count} calvings; alerted at least 6 h before the calf: {Percent(earlyCalvings)}; " +
            $"lead time median {Hours(Percentile(leads, 0.5))} h, shortest tenth below {Hours(Percentile(leads, 0.1))} h.");

        var windowed = calvings.Where(o => o.Action?.Expected is not null).ToList();
        var calvingErrors = windowed.Select(o => Math.Abs((o.Action!.Expected!.Value - o.Episode.EndsAt).TotalHours)).ToList();
        var calvedInWindow = windowed.Count == 0 ? double.NaN : windowed.Count(o => o.Action!.From <= o.Episode.EndsAt && o.Episode.EndsAt <= o.Action.To) / (double)windowed.Count;
        text.AppendLine($"Expected calving time (the alert's window): error median {Hours(Percentile(calvingErrors, 0.5))} h, p90 {Hours(Percentile(calvingErrors, 0.9))} h; " +
            $"calf within the window: {Percent(calvedInWindow)} of {windowed.Count}.");

        var heats = scored.Where(o => o.Episode.Condition == HealthCondition.Heat && o.Action is not null).ToList();
        // The ideal moment by ground truth: the middle of the published 13–24 h after the true onset of heat activity.
        var ideal = TimeSpan.FromHours(18.5);
        var inWindow = heats.Count == 0 ? double.NaN : heats.Count(o => o.Action!.From <= o.Episode.OnsetAt + ideal && o.Episode.OnsetAt + ideal <= o.Action.To) / (double)heats.Count;
        var offsets = heats.Select(o => Math.Abs((o.Action!.From + ((o.Action.To - o.Action.From) / 2) - (o.Episode.OnsetAt + ideal)).TotalHours)).ToList();
        text.AppendLine();
        text.AppendLine("## Heat: the insemination window");
        text.AppendLine();
        text.AppendLine($"{heats.Count} detected heats with a window; the ideal moment by ground truth (18.5 h after the true onset, the middle of the " +
            $"published 13–24 h) inside the window: {Percent(inWindow)}; window's middle off it by median {Hours(Percentile(offsets, 0.5))} h, " +
            $"p90 {Hours(Percentile(offsets, 0.9))} h.");

        text.AppendLine();
        text.AppendLine("## False alerts");
        text.AppendLine();
        text.AppendLine($"Alerts raised or re-opened on a cow with no episode of any condition from 12 h before its onset to 2 days after its end, " +
            $"per 100 healthy cow-days ({score.HealthyCowDays:N0} healthy of {score.CowDays:N0} cow-days, warm-up included).");
        text.AppendLine();
        text.AppendLine("| condition | false alerts | per 100 healthy cow-days |");
        text.AppendLine("|---|---:|---:|");
        foreach (var group in score.FalseAlerts.GroupBy(f => f.Condition).OrderBy(g => g.Key))
        {
            text.AppendLine($"| {group.Key} | {group.Count()} | {Per100(group.Count(), score.HealthyCowDays)} |");
        }

        text.AppendLine($"| **all** | {score.FalseAlerts.Count} | {Per100(score.FalseAlerts.Count, score.HealthyCowDays)} |");

        text.AppendLine();
        text.AppendLine("## Episodes not scored");
        text.AppendLine();
        text.AppendLine("| condition | why | episodes |");
        text.AppendLine("|---|---|---:|");
        foreach (var group in score.Outcomes.Where(o => o.Excluded is not null).GroupBy(o => (o.Episode.Condition, o.Excluded)).OrderBy(g => g.Key.Condition))
        {
            text.AppendLine($"| {group.Key.Condition} | {group.Key.Excluded} | {group.Count()} |");
        }

        var sensitivityMin = AlertQualityScore.Scored
            .Select(c => scored.Where(o => o.Episode.Condition == c).ToList())
            .Where(list => list.Count > 0)
            .Min(list => list.Count(o => o.Detected) / (double)list.Count);
        var falsePer100 = score.FalseAlerts.Count * 100 / score.HealthyCowDays;
        var feverDelay = Percentile(Delays(scored, HealthCondition.Fever), 0.5);
        var heatDelay = Percentile(Delays(scored, HealthCondition.Heat), 0.5);
        text.AppendLine();
        text.AppendLine("## Against the targets of issue 14");
        text.AppendLine();
        text.AppendLine("| target | measured |");
        text.AppendLine("|---|---|");
        text.AppendLine($"| sensitivity ≥ 95 % per condition (mildest fifth ≥ 80 %) | lowest per condition {Percent(sensitivityMin)}; see the table |");
        text.AppendLine($"| ≤ 0.5 false alerts per 100 healthy cow-days | {falsePer100:0.00} |");
        text.AppendLine($"| fever median delay ≤ 6 h | {Hours(feverDelay)} h |");
        text.AppendLine($"| heat median delay ≤ 2 h | {Hours(heatDelay)} h |");
        text.AppendLine($"| calving alert ≥ 6 h before calving in ≥ 90 % | {Percent(earlyCalvings)} |");
        var resolvable = scored.Where(o => o.Detected && o.ResolutionScored).ToList();
        var resolvedInTime = resolvable.Count(o => o.ResolveHours <= (AlertQualityScore.ClearAfter(o.Episode.Condition, settings) + AlertQualityScore.ResolveSlack).TotalHours);
        text.AppendLine($"| resolved within ClearAfter + 2 h of the episode's end | {Percent(resolvable.Count == 0 ? double.NaN : resolvedInTime / (double)resolvable.Count)} of {resolvable.Count} detected episodes |");
        text.AppendLine();
        text.AppendLine($"headline alert-sensitivity-min: {sensitivityMin * 100:0.0} %");
        text.AppendLine($"headline alert-false-per-100-cow-days: {falsePer100:0.00}");
        text.AppendLine($"headline fever-median-delay-h: {Hours(feverDelay)}");
        text.AppendLine($"headline heat-median-delay-h: {Hours(heatDelay)}");
        return text.ToString();
    }

    private static string Row(string condition, string band, List<EpisodeOutcome> outcomes, DetectionSettings settings)
    {
        var detected = outcomes.Where(o => o.Detected).ToList();
        var delays = detected.Select(o => o.DelayHours).ToList();
        var resolvable = detected.Where(o => o.ResolutionScored).ToList();
        var target = (AlertQualityScore.ClearAfter(outcomes[0].Episode.Condition, settings) + AlertQualityScore.ResolveSlack).TotalHours;
        var resolveHours = resolvable.Select(o => o.ResolveHours).ToList();
        var inTime = resolvable.Count == 0 ? double.NaN : resolveHours.Count(h => h <= target) / (double)resolvable.Count;
        return $"| {condition} | {band} | {outcomes.Count} | {detected.Count} | {Percent(detected.Count / (double)outcomes.Count)} | " +
            $"{Hours(Percentile(delays, 0.5))} | {Hours(Percentile(delays, 0.9))} | {Percent(inTime)} | " +
            $"{Hours(Percentile(resolveHours, 0.5))} | {Hours(Percentile(resolveHours, 0.9))} |";
    }

    private static List<double> Delays(List<EpisodeOutcome> scored, HealthCondition condition) =>
        scored.Where(o => o.Episode.Condition == condition && o.Detected).Select(o => o.DelayHours).ToList();

    /// <summary>Nearest rank: the smallest value with at least <paramref name="q"/> of the values at or below it.</summary>
    public static double Percentile(List<double> values, double q)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static string Per100(int count, double cowDays) => (count * 100 / cowDays).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Percent(double share) => double.IsNaN(share) ? "—" : (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    private static string Hours(double hours) =>
        double.IsNaN(hours) ? "—" : double.IsPositiveInfinity(hours) ? "never" : hours.ToString("0.0", CultureInfo.InvariantCulture);
}
