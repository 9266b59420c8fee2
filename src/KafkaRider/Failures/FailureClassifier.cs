using System.Data.Common;
using System.Net.Sockets;
using Confluent.Kafka;

namespace CowHealth.KafkaRider.Failures;

/// <summary>
/// Decides, per failure, whether a record is poison or its partition should wait. The rule set is
/// small on purpose: a failure is transient when it, or any exception inside it, is
/// <list type="bullet">
/// <item>a <see cref="DbException"/> its provider calls transient (Npgsql: the server unreachable or
/// shutting down, a broken connection, serialization failures, deadlocks, lock time-outs, a full disk);</item>
/// <item>a <see cref="TimeoutException"/>, <see cref="SocketException"/> or <see cref="IOException"/>;</item>
/// <item>a <see cref="KafkaException"/> (the broker or the dead-letter topic is unreachable);</item>
/// <item>a <see cref="PartitionFencedException"/> (another owner holds the partition now);</item>
/// <item>anything a service declared transient with <see cref="TreatAsTransient{TException}"/>.</item>
/// </list>
/// Everything else is poison. A wrong "transient" stalls a partition visibly (a metric, readiness,
/// an alert) until someone looks; a wrong "poison" moves a healthy record out of the pipeline. So
/// when in doubt a service declares a failure transient.
/// </summary>
public sealed class FailureClassifier
{
    private readonly List<Func<Exception, bool>> _transient =
    [
        e => e is DbException { IsTransient: true },
        e => e is TimeoutException or SocketException or IOException,
        e => e is KafkaException,
        e => e is PartitionFencedException,
    ];

    /// <summary>Declares failures of <typeparamref name="TException"/> (those <paramref name="when"/> accepts) transient.</summary>
    public FailureClassifier TreatAsTransient<TException>(Func<TException, bool>? when = null)
        where TException : Exception
    {
        _transient.Add(e => e is TException typed && (when is null || when(typed)));
        return this;
    }

    public FailureClass Classify(Exception failure) =>
        Causes(failure).Any(cause => _transient.Exists(rule => rule(cause))) ? FailureClass.Transient : FailureClass.Poison;

    /// <summary>The failure and every exception it wraps (MassTransit and EF Core wrap the one that matters).</summary>
    private static IEnumerable<Exception> Causes(Exception failure)
    {
        var pending = new Stack<Exception>([failure]);
        var depth = 0;
        while (pending.TryPop(out var cause) && depth++ < 32)
        {
            yield return cause;
            if (cause is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (cause.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }
}
