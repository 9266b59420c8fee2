using System.Collections.Frozen;
using CowHealth.Contracts;

namespace CowHealth.Simulator.Conditions;

/// <summary>
/// The conditions the simulator can give a cow, each with how long it lasts when nobody says.
/// They are <see cref="HealthCondition"/> values, so ground truth and alerts speak the same names.
/// The other values (a temperature drop, a rumination drop, low activity) are symptoms the
/// Processor may report; here they come out of these conditions rather than being injected alone.
/// </summary>
public static class InjectableConditions
{
    /// <summary>Longest injection accepted: long enough for any scenario, short enough to stay a scenario.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(60);

    private static readonly FrozenDictionary<HealthCondition, TimeSpan> DefaultDurations = new Dictionary<HealthCondition, TimeSpan>
    {
        [HealthCondition.Fever] = TimeSpan.FromDays(3),
        [HealthCondition.Heat] = TimeSpan.FromHours(14),
        [HealthCondition.Calving] = TimeSpan.FromDays(1),
        [HealthCondition.SubacuteRuminalAcidosis] = TimeSpan.FromDays(3),
        [HealthCondition.LowWaterIntake] = TimeSpan.FromDays(2),
        [HealthCondition.ExcessiveDrinking] = TimeSpan.FromDays(2),
        [HealthCondition.SensorOffline] = TimeSpan.FromHours(6),
        [HealthCondition.SensorFault] = TimeSpan.FromHours(12),
    }.ToFrozenDictionary();

    public static IReadOnlyCollection<HealthCondition> All => DefaultDurations.Keys;

    public static bool CanInject(HealthCondition condition) => DefaultDurations.ContainsKey(condition);

    /// <summary>Typical length: a 3-day fever, a 14-hour heat, the last day before calving.</summary>
    public static TimeSpan DefaultDurationOf(HealthCondition condition) => DefaultDurations[condition];
}
