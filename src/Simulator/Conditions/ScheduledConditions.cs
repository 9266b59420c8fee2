using CowHealth.Contracts;
using CowHealth.Simulator.Clock;
using CowHealth.Simulator.Herd;
using Microsoft.Extensions.Options;

namespace CowHealth.Simulator.Conditions;

/// <summary>
/// Puts the <see cref="ConditionOptions.Scheduled"/> conditions in the scenario book when the
/// Simulator starts, before the first interval is generated, so they are ground truth like any
/// injection. A mistake in them stops the start with a message naming the setting.
/// </summary>
public sealed class ScheduledConditions(
    HerdModel herd, SimulationClock clock, IOptions<ConditionOptions> options, SimulatorMetrics metrics, ILogger<ScheduledConditions> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduled = options.Value.Scheduled;
        for (var i = 0; i < scheduled.Count; i++)
        {
            var episode = Inject(scheduled[i], $"{ConditionOptions.Section}:{nameof(ConditionOptions.Scheduled)}:{i}");
            logger.LogInformation(
                "Scheduled {Condition} for cow {CowId} from {OnsetAt:O} to {EndsAt:O}", episode.Condition, episode.CowId, episode.OnsetAt, episode.EndsAt);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private ConditionEpisode Inject(ScheduledCondition wanted, string setting)
    {
        var cow = herd.FindCow(wanted.CowId)
            ?? throw Mistake(setting, "CowId", $"there is no cow '{wanted.CowId}' in the herd of {herd.Cows.Count} (F01-C0001 to {herd.Cows[^1].CowId}).");
        var condition = InjectableConditions.All.Cast<HealthCondition?>()
            .FirstOrDefault(c => string.Equals(c.ToString(), wanted.Condition, StringComparison.OrdinalIgnoreCase))
            ?? throw Mistake(setting, "Condition", $"'{wanted.Condition}' is not one of {string.Join(", ", InjectableConditions.All)}.");
        if (wanted.OnsetAfterHours < 0)
        {
            throw Mistake(setting, "OnsetAfterHours", $"{wanted.OnsetAfterHours} lies before the simulation's first reading.");
        }

        var duration = wanted.DurationHours is { } hours ? TimeSpan.FromHours(hours) : InjectableConditions.DefaultDurationOf(condition);
        if (duration < herd.SensorInterval || duration > InjectableConditions.MaxDuration)
        {
            throw Mistake(setting, "DurationHours", $"use {herd.SensorInterval.TotalHours:0.##} to {InjectableConditions.MaxDuration.TotalHours:0} hours.");
        }

        if (condition == HealthCondition.SubacuteRuminalAcidosis && !cow.HasPhBolus)
        {
            logger.LogWarning("{Setting}: cow {CowId} carries no pH bolus, so her acidosis will not show in her readings", setting, cow.CowId);
        }

        if (wanted.Severity is { } severity && ConditionSeverity.RangeOf(condition) is var range && (range is null || !range.Accepts(severity)))
        {
            throw Mistake(setting, "Severity", range is null
                ? $"{condition} has no severity."
                : $"{severity} is outside {range.AcceptedMin} to {range.AcceptedMax} ({range.Unit}).");
        }

        var onset = clock.Schedule.FirstReadingAt + TimeSpan.FromHours(wanted.OnsetAfterHours);
        return herd.Scenarios.TryInject(cow, condition, onset, duration, wanted.Severity, out var episode) switch
        {
            InjectionOutcome.Recorded => Counted(episode!),
            InjectionOutcome.BookFull => throw Mistake(setting, "", $"the scenario book is full ({nameof(ConditionOptions.MaxInjected)})."),
            _ => throw Mistake(setting, "OnsetAfterHours", $"{onset:O} is already sent."),
        };
    }

    private ConditionEpisode Counted(ConditionEpisode episode)
    {
        metrics.Injected(episode.Condition);
        return episode;
    }

    private static InvalidOperationException Mistake(string setting, string field, string what) =>
        new($"{(field.Length == 0 ? setting : $"{setting}:{field}")}: {what}");
}
