using CowHealth.Storage;
using Microsoft.EntityFrameworkCore;

namespace CowHealth.Processor.Ingestion;

/// <summary>
/// The escalation deadlines of a readings partition's open alerts, kept between batches. The
/// ingestion changes them (raise, re-open, escalate) and reloads the cow's after each change. An
/// acknowledgement arrives on another topic and may leave a deadline here that no longer holds:
/// the saga ignores a deadline for an acknowledged or resolved alert, so that costs nothing but a look.
/// </summary>
public sealed class EscalationDeadlines
{
    private readonly Dictionary<string, List<(Guid Saga, DateTimeOffset Deadline)>> _byCow;

    private EscalationDeadlines(Dictionary<string, List<(Guid, DateTimeOffset)>> byCow) => _byCow = byCow;

    public static async Task<EscalationDeadlines> Load(CowHealthDb db, int readingsPartition, CancellationToken cancellationToken)
    {
        var open = await db.CowAlerts.AsNoTracking()
            .Where(s => s.EscalateAt != null && db.Cows.Any(c => c.CowId == s.CowId && c.ReadingsPartition == readingsPartition))
            .Select(s => new { s.CowId, s.CorrelationId, s.EscalateAt })
            .ToListAsync(cancellationToken);
        return new EscalationDeadlines(open
            .GroupBy(s => s.CowId)
            .ToDictionary(g => g.Key, g => g.Select(s => (s.CorrelationId, Utc(s.EscalateAt!.Value))).ToList(), StringComparer.Ordinal));
    }

    /// <summary>Deadlines of the cow's alerts that <paramref name="eventTime"/> has reached, earliest first; each is handed out once.</summary>
    public List<(Guid Saga, DateTimeOffset Deadline)> PassedBy(string cowId, DateTimeOffset eventTime)
    {
        if (!_byCow.TryGetValue(cowId, out var deadlines) || deadlines.Count == 0)
        {
            return [];
        }

        var passed = deadlines.Where(d => d.Deadline <= eventTime).OrderBy(d => d.Deadline).ToList();
        deadlines.RemoveAll(d => d.Deadline <= eventTime);
        return passed;
    }

    /// <summary>Reads the cow's deadlines again after the saga changed her alerts (inside the batch's transaction).</summary>
    public async Task Reload(CowHealthDb db, string cowId, CancellationToken cancellationToken)
    {
        var open = await db.CowAlerts.AsNoTracking()
            .Where(s => s.CowId == cowId && s.EscalateAt != null)
            .Select(s => new { s.CorrelationId, s.EscalateAt })
            .ToListAsync(cancellationToken);
        _byCow[cowId] = open.Select(s => (s.CorrelationId, Utc(s.EscalateAt!.Value))).ToList();
    }

    private static DateTimeOffset Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
