using CowHealth.Contracts;

namespace CowHealth.Processor.Detection;

/// <summary>
/// A condition of one cow started or ended, in event time. <see cref="ConditionChangeKind.Detected"/>:
/// the condition is now present (raise the alert, or re-open it). <see cref="ConditionChangeKind.Cleared"/>:
/// it has stayed clear for its rule's clearing window (resolve the alert). Each is emitted once.
/// </summary>
/// <param name="Severity">On <c>Detected</c>, how urgent the case is; on <c>Cleared</c>, the severity it was detected with.</param>
/// <param name="At">Event time of the change: the reading that confirmed it, or for an offline bolus the moment its silence passed the threshold.</param>
/// <param name="Evidence">What the rule saw: the window and the values that made the case (or, on <c>Cleared</c>, the clear window).</param>
public sealed record ConditionChange(
    string CowId,
    string FarmId,
    HealthCondition Condition,
    ConditionChangeKind Kind,
    AlertSeverity Severity,
    DateTimeOffset At,
    AlertEvidence Evidence);
