using CowHealth.Tests.Infrastructure;

namespace CowHealth.Tests.Connector;

/// <summary>A failing vendor is left alone: the Connector backs off, honours Retry-After, counts each failure and never logs the key.</summary>
public sealed class VendorFailures_Specs
{
    private const string Key = "vendor-secret-key-0123456789";

    [Fact]
    public async Task A_vendor_answering_503_with_retry_after_is_asked_again_only_after_it()
    {
        await using var vendor = await FailingVendor.StartAsync(context =>
        {
            context.Response.StatusCode = 503;
            context.Response.Headers.RetryAfter = "2";
            return Task.CompletedTask;
        });
        await using var connector = await ConnectorHost.StartAsync(Settings(vendor, backoffFirst: "00:00:00.050", backoffMax: "00:00:00.100"));

        await Eventually.Until(() => Task.FromResult(vendor.Polls.Count >= 3 ? "three" : null), TimeSpan.FromSeconds(60), "three polls");

        var polls = vendor.Polls.ToList();
        foreach (var (earlier, later) in polls.Zip(polls.Skip(1)))
        {
            Assert.True(later.At - earlier.At >= TimeSpan.FromSeconds(1.9), $"the next poll waited for Retry-After: 2 s ({(later.At - earlier.At).TotalSeconds:0.000} s)");
        }

        Assert.All(polls, p => Assert.Equal(Key, p.ApiKey));
        var metrics = await ScrapedMetrics.From(connector.Url);
        Assert.True(metrics.Sum("cowhealth_connector_poll_failures", ("account", "farm-one"), ("reason", "status")) >= 2, "each failed poll is counted by reason");
        Assert.DoesNotContain(connector.Log.Logger.Entries, e => e.Message.Contains(Key, StringComparison.Ordinal));
        Assert.Contains(connector.Log.Logger.Entries, e => e.Message.Contains("503", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_vendor_failing_without_retry_after_is_polled_ever_less_often_up_to_the_cap()
    {
        await using var vendor = await FailingVendor.StartAsync(context =>
        {
            context.Response.StatusCode = 500;
            return Task.CompletedTask;
        });
        await using var connector = await ConnectorHost.StartAsync(Settings(vendor, backoffFirst: "00:00:00.200", backoffMax: "00:00:00.800"));

        await Eventually.Until(() => Task.FromResult(vendor.Polls.Count >= 6 ? "six" : null), TimeSpan.FromSeconds(60), "six polls");

        var polls = vendor.Polls.Take(6).ToList();
        var gaps = polls.Zip(polls.Skip(1), (earlier, later) => later.At - earlier.At).ToList();
        // 200 ms, 400 ms, then the cap of 800 ms; a busy machine only makes the gaps longer.
        double[] atLeast = [0.19, 0.39, 0.79, 0.79, 0.79];
        for (var i = 0; i < gaps.Count; i++)
        {
            Assert.True(gaps[i].TotalSeconds >= atLeast[i], $"gap {i + 1} was at least {atLeast[i]} s ({gaps[i].TotalSeconds:0.000} s)");
        }
    }

    private static Dictionary<string, string> Settings(FailingVendor vendor, string backoffFirst, string backoffMax) => new()
    {
        ["Connector:Accounts:farm-one:BaseUrl"] = vendor.Url.ToString(),
        ["Connector:Accounts:farm-one:ApiKey"] = Key,
        ["Connector:BackoffFirst"] = backoffFirst,
        ["Connector:BackoffMax"] = backoffMax,
    };
}
