using CowHealth.Contracts;
using CowHealth.Storage.Alerts;
using MassTransit;
using Microsoft.Extensions.Options;

namespace CowHealth.Processor.Alerts;

/// <summary>
/// One cow's alert for one condition, from detection to resolution. Escalation and cool-down run on
/// event time, carried in by the messages, so a backfill and a live run of the same readings end alike.
/// </summary>
public sealed class CowAlertStateMachine : MassTransitStateMachine<CowAlert>
{
    public CowAlertStateMachine(IOptions<AlertPolicyOptions> options)
    {
        var policy = options.Value;
        InstanceState(saga => saga.CurrentState);

        Event(() => Detected, e => e.CorrelateById(context => context.Message.CorrelationId));
        Event(() => Cleared, e =>
        {
            e.CorrelateById(context => context.Message.CorrelationId);
            e.OnMissingInstance(missing => missing.Discard());
        });
        Event(() => DeadlinePassed, e =>
        {
            e.CorrelateById(context => context.Message.CorrelationId);
            e.OnMissingInstance(missing => missing.Discard());
        });
        Event(() => Acknowledge, e =>
        {
            e.CorrelateBy((saga, context) => saga.AlertId == context.Message.AlertId);
            e.OnMissingInstance(missing => missing.ExecuteAsync(context =>
                context.Journal().Rejected(context.Message, farmId: "", "No alert with this id exists.", context.CancellationToken)));
        });

        Initially(
            When(Detected).OpenNewAlert(policy).TransitionTo(Raised));

        During(Raised,
            When(DeadlinePassed, context => context.IsPastDeadline()).RaiseSeverity().TransitionTo(Escalated));

        During(Raised, Escalated,
            // A command answered before (redelivered after the alert was resolved and reopened) changes nothing.
            When(Acknowledge).IfElseAsync(context => context.WasAnsweredBefore(),
                answered => answered,
                fresh => fresh.RecordAcknowledgement().TransitionTo(Acknowledged)),
            Ignore(Detected));

        During(Raised, Escalated, Acknowledged,
            When(Cleared).ResolveAlert(policy).TransitionTo(Resolved));

        During(Escalated, Acknowledged,
            Ignore(DeadlinePassed));

        During(Acknowledged,
            Ignore(Detected),
            // Acknowledging twice is not a mistake worth an answer: it stays acknowledged.
            Ignore(Acknowledge));

        During(Resolved,
            When(Detected)
                .IfElse(context => context.IsWithinCoolDown(),
                    comingBack => comingBack.ReopenAlert(policy),
                    anew => anew.OpenNewAlert(policy))
                .TransitionTo(Raised),
            When(Acknowledge).RejectAsResolved(),
            Ignore(Cleared),
            Ignore(DeadlinePassed));
    }

    public State Raised { get; private set; } = null!;

    public State Escalated { get; private set; } = null!;

    public State Acknowledged { get; private set; } = null!;

    public State Resolved { get; private set; } = null!;

    public Event<ConditionDetected> Detected { get; private set; } = null!;

    public Event<ConditionCleared> Cleared { get; private set; } = null!;

    public Event<EscalationDue> DeadlinePassed { get; private set; } = null!;

    public Event<AcknowledgeAlert> Acknowledge { get; private set; } = null!;
}
