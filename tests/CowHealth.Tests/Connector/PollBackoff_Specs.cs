using CowHealth.Connector.Accounts;
using CowHealth.Connector.Polling;

namespace CowHealth.Tests.Connector;

public sealed class PollBackoff_Specs
{
    private static readonly PollBackoff Backoff = new(new ConnectorOptions
    {
        BackoffFirst = TimeSpan.FromSeconds(1),
        BackoffMax = TimeSpan.FromSeconds(60),
        RetryAfterMax = TimeSpan.FromHours(1),
    });

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(6, 32)]
    [InlineData(7, 60)]
    [InlineData(1_000, 60)]
    public void Each_failure_in_a_row_doubles_the_pause_up_to_the_cap(int failuresInARow, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Backoff.After(failuresInARow, retryAfter: null));

    [Fact]
    public void A_retry_after_longer_than_the_back_off_is_honoured() =>
        Assert.Equal(TimeSpan.FromSeconds(120), Backoff.After(1, TimeSpan.FromSeconds(120)));

    [Fact]
    public void A_retry_after_shorter_than_the_back_off_does_not_shorten_it() =>
        Assert.Equal(TimeSpan.FromSeconds(8), Backoff.After(4, TimeSpan.FromSeconds(1)));

    [Fact]
    public void A_retry_after_beyond_the_cap_is_cut_to_the_cap() =>
        Assert.Equal(TimeSpan.FromHours(1), Backoff.After(1, TimeSpan.FromDays(7)));
}
