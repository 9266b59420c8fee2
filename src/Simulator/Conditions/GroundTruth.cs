using CowHealth.Contracts;
using CowHealth.Simulator.Herd;

namespace CowHealth.Simulator.Conditions;

/// <summary>
/// Every condition the herd had, injected or spontaneous, as alert quality is measured against.
/// Spontaneous ones are worked out for the window asked about, so the window is bounded.
/// </summary>
public sealed class GroundTruth(HerdModel herd)
{
    /// <summary>Longest window one question may cover: a year of a large herd is still a short answer.</summary>
    public static readonly TimeSpan LongestWindow = TimeSpan.FromDays(366);

    /// <summary>Conditions overlapping [<paramref name="from"/>, <paramref name="to"/>), of one cow or of all, by onset.</summary>
    public IReadOnlyList<ConditionEpisode> Between(DateTimeOffset from, DateTimeOffset to, SimulatedCow? cow = null)
    {
        if (to - from > LongestWindow)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, $"Ask about at most {LongestWindow.TotalDays} days at a time.");
        }

        var episodes = new List<ConditionEpisode>();
        foreach (var c in cow is null ? herd.Cows : [cow])
        {
            herd.Spontaneous.AddEpisodes(c, from, to, episodes);
        }

        episodes.AddRange(herd.Scenarios.All.Where(e => e.Overlaps(from, to) && (cow is null || e.CowId == cow.CowId)));
        episodes.Sort((a, b) => a.OnsetAt != b.OnsetAt ? a.OnsetAt.CompareTo(b.OnsetAt) : string.CompareOrdinal(a.CowId, b.CowId));
        return episodes;
    }

    /// <summary>How many cows have each condition at <paramref name="at"/>; every injectable condition is present, zero or not.</summary>
    public IReadOnlyDictionary<HealthCondition, int> ActiveCountsAt(DateTimeOffset at)
    {
        var counts = InjectableConditions.All.ToDictionary(c => c, _ => 0);
        foreach (var episode in Between(at, at + TimeSpan.FromTicks(1)))
        {
            counts[episode.Condition]++;
        }

        return counts;
    }
}
