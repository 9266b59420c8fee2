using CowHealth.Contracts;
using CowHealth.Simulator.Conditions;

namespace CowHealth.Benchmarks.AlertQuality;

/// <summary>
/// How the pipeline did on one ground-truth episode. <see cref="Excluded"/> says why an episode is
/// not scored (the sensor cannot show it, it lies in warm-up or runs past the end); otherwise
/// <see cref="DetectedAt"/> is when its alert was raised (null: missed) and <see cref="ResolvedAt"/>
/// when that alert was last resolved (null: still open when the run ended).
/// </summary>
internal sealed record EpisodeOutcome(
    ConditionEpisode Episode,
    double Severity,
    int Band,
    string? Excluded,
    DateTimeOffset? DetectedAt,
    DateTimeOffset? ResolvedAt,
    bool ResolutionScored,
    ActionWindow? Action = null)
{
    public bool Detected => DetectedAt is not null;

    public double DelayHours => ((DetectedAt ?? Episode.EndsAt) - Episode.OnsetAt).TotalHours;

    /// <summary>Hours from the episode's end to its alert's resolution; infinite when it never resolved.</summary>
    public double ResolveHours => ResolvedAt is { } at ? (at - Episode.EndsAt).TotalHours : double.PositiveInfinity;
}
