using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace CowHealth.Connector;

/// <summary>
/// The Connector's instruments, on meter <c>CowHealth.Connector</c>, exported as
/// <c>cowhealth_connector_*</c>. The only labels are the account (a name from the configuration, a
/// handful) and a closed set of failure reasons: never a cow or a reading.
/// </summary>
public sealed class ConnectorMetrics
{
    public const string MeterName = "CowHealth.Connector";

    private readonly ConcurrentDictionary<string, AccountCounts> _accounts = new();
    private readonly TimeProvider _clock;

    public ConnectorMetrics(IMeterFactory meters, TimeProvider clock)
    {
        _clock = clock;
        var meter = meters.Create(MeterName);
        meter.CreateObservableCounter(
            "readings.produced", () => Each(a => Interlocked.Read(ref a.Produced)), "{reading}",
            "Readings polled from the vendor that Kafka acknowledged.");
        meter.CreateObservableCounter(
            "readings.missed", () => Each(a => Interlocked.Read(ref a.Missed)), "{reading}",
            "Readings the vendor no longer had when asked for them: lost for good. The Connector fell behind the vendor's retention.");
        meter.CreateObservableCounter(
            "poll.failures",
            () => _accounts.SelectMany(a => a.Value.Failures.Select(f => new Measurement<long>(f.Value, Account(a.Key), new("reason", f.Key)))),
            "{poll}",
            "Polls that brought no page, by reason (status, timeout, network, malformed, downstream); each is followed by a back-off.");
        meter.CreateObservableGauge(
            "behind.seconds", () => Each(a => (_clock.GetUtcNow() - a.CaughtUpAt).TotalSeconds), "s",
            "Time since the account was last caught up (a poll that returned everything the vendor had): near the poll interval when keeping up.");
    }

    public void Started(string account) => CountsOf(account);

    public void Produced(string account, int readings) => Interlocked.Add(ref CountsOf(account).Produced, readings);

    public void Missed(string account, long readings) => Interlocked.Add(ref CountsOf(account).Missed, readings);

    public void PollFailed(string account, string reason) => CountsOf(account).Failures.AddOrUpdate(reason, 1, (_, n) => n + 1);

    public void CaughtUp(string account) => CountsOf(account).CaughtUpAt = _clock.GetUtcNow();

    public long ProducedOf(string account) => Interlocked.Read(ref CountsOf(account).Produced);

    private AccountCounts CountsOf(string account) => _accounts.GetOrAdd(account, _ => new AccountCounts(_clock.GetUtcNow()));

    private IEnumerable<Measurement<T>> Each<T>(Func<AccountCounts, T> value)
        where T : struct => _accounts.Select(a => new Measurement<T>(value(a.Value), Account(a.Key)));

    private static KeyValuePair<string, object?> Account(string name) => new("account", name);

    private sealed class AccountCounts(DateTimeOffset startedAt)
    {
        public long Produced;
        public long Missed;

        public ConcurrentDictionary<string, long> Failures { get; } = new();

        public DateTimeOffset CaughtUpAt { get; set; } = startedAt;
    }
}
