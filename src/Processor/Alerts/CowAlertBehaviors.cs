using CowHealth.Contracts;
using CowHealth.Storage;
using CowHealth.Storage.Alerts;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace CowHealth.Processor.Alerts;

/// <summary>The steps of <see cref="CowAlertStateMachine"/>, named so each transition reads as a sentence.</summary>
public static class CowAlertBehaviors
{
    public static EventActivityBinder<CowAlert, ConditionDetected> OpenNewAlert(
        this EventActivityBinder<CowAlert, ConditionDetected> binder, AlertPolicyOptions policy) =>
        binder.ThenAsync(context =>
        {
            var saga = context.Saga;
            var detected = context.Message;
            saga.CowId = detected.CowId;
            saga.FarmId = detected.FarmId;
            saga.Condition = detected.Condition;
            saga.Severity = detected.Severity;
            saga.RaisedAt = detected.At.UtcDateTime;
            saga.AlertId = CowAlertIdentity.AlertOf(detected.CowId, detected.Condition, saga.RaisedAt);
            saga.EscalateAt = saga.RaisedAt + policy.EscalateAfter(detected.Severity);
            saga.ResolvedAt = null;
            saga.CoolDownUntil = null;
            return context.Journal().Raised(saga, detected.Evidence, context.CancellationToken);
        });

    public static EventActivityBinder<CowAlert, ConditionDetected> ReopenAlert(
        this EventActivityBinder<CowAlert, ConditionDetected> binder, AlertPolicyOptions policy) =>
        binder.ThenAsync(context =>
        {
            var saga = context.Saga;
            saga.Severity = context.Message.Severity;
            saga.EscalateAt = context.Message.At.UtcDateTime + policy.EscalateAfter(saga.Severity);
            saga.ResolvedAt = null;
            saga.CoolDownUntil = null;
            return context.Journal().Reopened(saga, context.Message.At, context.Message.Evidence, context.CancellationToken);
        });

    public static EventActivityBinder<CowAlert, EscalationDue> RaiseSeverity(this EventActivityBinder<CowAlert, EscalationDue> binder) =>
        binder.ThenAsync(context =>
        {
            var saga = context.Saga;
            var previous = saga.Severity;
            saga.Severity = previous == AlertSeverity.Info ? AlertSeverity.Warning : AlertSeverity.Critical;
            saga.EscalateAt = null;
            return context.Journal().Escalated(saga, previous, context.Message.At, context.CancellationToken);
        });

    public static EventActivityBinder<CowAlert, AcknowledgeAlert> RecordAcknowledgement(this EventActivityBinder<CowAlert, AcknowledgeAlert> binder) =>
        binder.ThenAsync(context =>
        {
            context.Saga.EscalateAt = null;
            return context.Journal().Acknowledged(context.Saga, context.Message, context.CancellationToken);
        });

    public static EventActivityBinder<CowAlert, AcknowledgeAlert> RejectAsResolved(this EventActivityBinder<CowAlert, AcknowledgeAlert> binder) =>
        binder.ThenAsync(context => context.Journal().Rejected(context.Message, context.Saga.FarmId, "The alert is already resolved.", context.CancellationToken));

    public static Task<bool> WasAnsweredBefore(this BehaviorContext<CowAlert, AcknowledgeAlert> context) =>
        context.Journal().HasAnswered(context.Message, context.CancellationToken);

    public static EventActivityBinder<CowAlert, ConditionCleared> ResolveAlert(
        this EventActivityBinder<CowAlert, ConditionCleared> binder, AlertPolicyOptions policy) =>
        binder.ThenAsync(context =>
        {
            var saga = context.Saga;
            saga.ResolvedAt = context.Message.At.UtcDateTime;
            saga.CoolDownUntil = saga.ResolvedAt + policy.CoolDown;
            saga.EscalateAt = null;
            return context.Journal().Resolved(saga, context.Message.At, context.CancellationToken);
        });

    public static bool IsWithinCoolDown(this BehaviorContext<CowAlert, ConditionDetected> context) =>
        context.Message.At.UtcDateTime <= context.Saga.CoolDownUntil;

    public static bool IsPastDeadline(this BehaviorContext<CowAlert, EscalationDue> context) =>
        context.Saga.EscalateAt is { } deadline && context.Message.At.UtcDateTime >= deadline;

    /// <summary>The journal on the saga's own database context (ambient or its own), so its rows commit with the saga.</summary>
    public static AlertJournal Journal(this ConsumeContext context) =>
        new(context.GetPayload<CowHealthDb>(),
            context.TryGetPayload<IServiceProvider>(out var services) ? services.GetService<TimeProvider>() ?? TimeProvider.System : TimeProvider.System);
}
