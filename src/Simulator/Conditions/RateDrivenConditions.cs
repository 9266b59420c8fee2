using CowHealth.Contracts;
using CowHealth.Simulator.Herd;

namespace CowHealth.Simulator.Conditions;

/// <summary>
/// Conditions that strike at a rate per cow per year: fever, acidosis, low water intake and
/// sensor trouble. Each cow-day draws, per condition, whether one starts that day, when, and for
/// how long, so whether a cow has a condition at any moment is found by looking back over the few
/// days a condition can last, without remembering anything.
/// </summary>
internal sealed class RateDrivenConditions
{
    private readonly int _seed;
    private readonly ConditionOptions _options;
    private readonly Kind[] _kinds;

    public RateDrivenConditions(int seed, ConditionOptions options)
    {
        _seed = seed;
        _options = options;
        _kinds =
        [
            // Short fevers are the "fever peaks" bolus vendors report; long ones with a prodrome are the
            // mastitis course where temperature rises up to four days before clinical signs.
            new(1, HealthCondition.Fever, options.FeverPerCowYear, TimeSpan.FromHours(6), TimeSpan.FromHours(96)),
            new(2, HealthCondition.SubacuteRuminalAcidosis, options.SubacuteRuminalAcidosisPerCowYear, TimeSpan.FromHours(24), TimeSpan.FromHours(96)),
            new(3, HealthCondition.LowWaterIntake, options.LowWaterIntakePerCowYear, TimeSpan.FromHours(12), TimeSpan.FromHours(72)),
            new(4, HealthCondition.SensorOffline, options.SensorOfflinePerCowYear, TimeSpan.FromMinutes(30), TimeSpan.FromHours(12)),
            new(5, HealthCondition.SensorFault, options.SensorFaultPerCowYear, TimeSpan.FromHours(1), TimeSpan.FromHours(48)),
        ];
        _kinds = _kinds.Where(k => k.DailyChance > 0).ToArray();
    }

    public void Visit<TVisitor>(SimulatedCow cow, long fromTicks, long toTicks, ref TVisitor visitor)
        where TVisitor : struct, IEpisodeVisitor
    {
        foreach (var kind in _kinds)
        {
            var lastDay = FloorDiv(toTicks - 1, TimeSpan.TicksPerDay);
            for (var day = FloorDiv(fromTicks, TimeSpan.TicksPerDay) - kind.LookbackDays; day <= lastDay; day++)
            {
                if (DeterministicNoise.Uniform(_seed, cow.Index, day, kind.Channel(NoiseChannel.ConditionStarts)) >= kind.DailyChance)
                {
                    continue;
                }

                // Whole minutes, so ground truth reads like a farm record rather than a clock's ticks.
                var onset = (day * TimeSpan.TicksPerDay)
                    + WholeMinutes(DeterministicNoise.Uniform(_seed, cow.Index, day, kind.Channel(NoiseChannel.ConditionOnset)) * TimeSpan.TicksPerDay);
                var duration = kind.MinDuration.Ticks
                    + WholeMinutes(DeterministicNoise.Uniform(_seed, cow.Index, day, kind.Channel(NoiseChannel.ConditionDuration)) * (kind.MaxDuration - kind.MinDuration).Ticks);
                var span = new EpisodeSpan(
                    kind.Condition,
                    onset,
                    onset + duration,
                    kind.Condition == HealthCondition.Fever && duration >= TimeSpan.TicksPerDay * 2
                        && DeterministicNoise.Uniform(_seed, cow.Index, day, kind.Channel(NoiseChannel.ConditionVariant)) < 0.5,
                    day,
                    kind.Channel(NoiseChannel.ConditionStarts),
                    double.NaN);
                if (span.Overlaps(fromTicks, toTicks))
                {
                    var severity = ConditionSeverity.Resolve(
                        kind.Condition, _options, DeterministicNoise.Uniform(_seed, cow.Index, day, kind.Channel(NoiseChannel.ConditionSeverity)));
                    visitor.Visit(span with { Severity = severity ?? double.NaN });
                }
            }
        }
    }

    private static long FloorDiv(long a, long b) => (a / b) - (a % b < 0 ? 1 : 0);

    private static long WholeMinutes(double ticks) => (long)(ticks / TimeSpan.TicksPerMinute) * TimeSpan.TicksPerMinute;

    private sealed record Kind(int Code, HealthCondition Condition, double PerCowYear, TimeSpan MinDuration, TimeSpan MaxDuration)
    {
        public double DailyChance { get; } = PerCowYear / 365.25;

        /// <summary>Days before a reading on which a condition still lasting at the reading can have started.</summary>
        public int LookbackDays { get; } = (int)Math.Ceiling(MaxDuration.TotalDays);

        public int Channel(int quantity) => quantity + (100 * Code);
    }
}
