using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using CowHealth.Contracts;
using CowHealth.Simulator.Herd;
using Microsoft.Extensions.Options;

namespace CowHealth.Simulator.Conditions;

/// <summary>
/// The conditions injected on purpose (through the Fake API or a test), kept as ground truth.
/// The publisher seals each interval before generating it, and an injection may only start after
/// the sealed past: ground truth never claims a condition the readings already sent did not show.
/// </summary>
public sealed class ScenarioBook(IOptions<ConditionOptions> options)
{
    private readonly Lock _gate = new();
    private readonly ConditionOptions _options = options.Value;
    private readonly int _capacity = options.Value.MaxInjected;

    // Every reading of every cow looks here, so reads take no lock: a cow's array is replaced, never changed.
    private readonly ConcurrentDictionary<int, ConditionEpisode[]> _byCow = new();
    private readonly List<ConditionEpisode> _all = [];
    private long _sealedThroughTicks = long.MinValue;
    private volatile bool _any;

    /// <summary>The latest interval already generated, or null before the first.</summary>
    public DateTimeOffset? SealedThrough
    {
        get
        {
            var ticks = Interlocked.Read(ref _sealedThroughTicks);
            return ticks == long.MinValue ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    /// <summary>Every injected condition, in the order injected.</summary>
    public IReadOnlyList<ConditionEpisode> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _all];
            }
        }
    }

    /// <summary>Called before an interval's readings are generated: from now on its past is fixed.</summary>
    public void SealThrough(DateTimeOffset measuredAt)
    {
        lock (_gate)
        {
            _sealedThroughTicks = Math.Max(_sealedThroughTicks, measuredAt.UtcTicks);
        }
    }

    /// <summary>
    /// Records <paramref name="condition"/> on <paramref name="cow"/> from <paramref name="onsetAt"/> for
    /// <paramref name="duration"/>, with a severity from the settings or drawn from the condition's range.
    /// </summary>
    public InjectionOutcome TryInject(
        SimulatedCow cow, HealthCondition condition, DateTimeOffset onsetAt, TimeSpan duration,
        [NotNullWhen(true)] out ConditionEpisode? episode) =>
        TryInject(cow, condition, onsetAt, duration, null, out episode);

    /// <summary>
    /// Records <paramref name="condition"/> on <paramref name="cow"/> from <paramref name="onsetAt"/> for
    /// <paramref name="duration"/>, as strong as <paramref name="severity"/> (in the unit
    /// <see cref="ConditionSeverity"/> gives); when null, the condition's <c>Conditions:*</c> setting or,
    /// unset, a draw from its documented range that depends only on the cow, the condition and the onset.
    /// </summary>
    public InjectionOutcome TryInject(
        SimulatedCow cow, HealthCondition condition, DateTimeOffset onsetAt, TimeSpan duration, double? severity,
        [NotNullWhen(true)] out ConditionEpisode? episode)
    {
        if (!InjectableConditions.CanInject(condition))
        {
            throw new ArgumentOutOfRangeException(nameof(condition), condition, "The simulator cannot inject this condition.");
        }

        var range = ConditionSeverity.RangeOf(condition);
        if (severity is { } given && (range is null || !range.Accepts(given)))
        {
            throw new ArgumentOutOfRangeException(nameof(severity), severity, range is null
                ? $"{condition} has no severity."
                : $"Use a severity of {condition} from {range.AcceptedMin} to {range.AcceptedMax} ({range.Unit}).");
        }

        severity ??= ConditionSeverity.Resolve(condition, _options,
            DeterministicNoise.Uniform(0, cow.Index, onsetAt.UtcTicks / TimeSpan.TicksPerMinute, NoiseChannel.InjectedSeverity + (int)condition));

        if (duration <= TimeSpan.Zero || duration > InjectableConditions.MaxDuration)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, $"Use a duration above zero and at most {InjectableConditions.MaxDuration.TotalDays} days.");
        }

        episode = null;
        lock (_gate)
        {
            if (onsetAt.UtcTicks <= _sealedThroughTicks)
            {
                return InjectionOutcome.OnsetAlreadySent;
            }

            if (_all.Count >= _capacity)
            {
                return InjectionOutcome.BookFull;
            }

            episode = new ConditionEpisode(
                Guid.NewGuid(), cow.CowId, cow.FarmId, condition, onsetAt.ToUniversalTime(), (onsetAt + duration).ToUniversalTime(), ConditionOrigin.Injected,
                severity);
            _byCow[cow.Index] = _byCow.TryGetValue(cow.Index, out var earlier) ? [.. earlier, episode] : [episode];
            _all.Add(episode);
            _any = true;
            return InjectionOutcome.Recorded;
        }
    }

    /// <summary>Adds the signatures of the injected conditions <paramref name="cow"/> has at <paramref name="at"/>.</summary>
    public void AddEffects(SimulatedCow cow, DateTimeOffset at, ConditionSignatures signatures, ref ConditionEffects effects)
    {
        if (!_any || !_byCow.TryGetValue(cow.Index, out var episodes))
        {
            return;
        }

        foreach (var episode in episodes)
        {
            if (episode.IsActiveAt(at))
            {
                signatures.Apply(episode.Condition, episode.OnsetAt.UtcTicks, episode.EndsAt.UtcTicks, at.UtcTicks, false, episode.Severity ?? double.NaN, ref effects);
            }
        }
    }
}
