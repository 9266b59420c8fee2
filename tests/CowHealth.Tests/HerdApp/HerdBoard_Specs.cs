using Bunit;
using CowHealth.Contracts;
using CowHealth.Gateway.HerdApp.Herd;
using CowHealth.Tests.Gateway;

namespace CowHealth.Tests.HerdApp;

/// <summary>The herd page's live part: cows by health and the action list, drawn from real storage.</summary>
public sealed class HerdBoard_Specs
{
    private static readonly DateTimeOffset Now = new(2026, 5, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task The_action_list_puts_the_most_severe_alert_first_and_the_longest_waiting_first_within_a_severity()
    {
        await using var app = await HerdAppComponents.StartAsync(Now);
        var herd = await FourCowsOnTwoFarms(app);
        await herd.Raise("F1-A", "F1", HealthCondition.Heat, AlertSeverity.Info, Now.AddHours(-9));
        await herd.Raise("F1-B", "F1", HealthCondition.Fever, AlertSeverity.Critical, Now.AddHours(-1));
        await herd.Raise("F1-C", "F1", HealthCondition.RuminationDrop, AlertSeverity.Warning, Now.AddHours(-5));
        await herd.Raise("F2-D", "F2", HealthCondition.Fever, AlertSeverity.Critical, Now.AddHours(-3));
        var resolved = await herd.Raise("F1-C", "F1", HealthCondition.Fever, AlertSeverity.Critical, Now.AddHours(-8));
        await herd.Resolve(resolved, Now.AddHours(-2));

        var board = app.Context.Render<HerdBoard>(p => p.Add(b => b.Filter, HerdFilter.Everything));

        board.WaitForAssertion(() => Assert.Equal(4, board.FindAll("li.action").Count), Wait);
        Assert.Equal(
            ["F2-D Fever", "F1-B Fever", "F1-C Rumination drop", "F1-A Heat"],
            board.FindAll("li.action").Select(a => $"{a.QuerySelector(".cow")!.TextContent} {a.QuerySelector(".condition")!.TextContent}"));
        var first = board.FindAll("li.action")[0];
        Assert.Contains("Critical", first.QuerySelector(".badge")!.TextContent);
        Assert.Contains("Sun 10 May 09:00", first.QuerySelector(".since")!.TextContent);
        // Counted from the herd's latest reading (11:50), not the wall clock: 2 h 50 min.
        Assert.Contains("(2 h ago)", first.QuerySelector(".since")!.TextContent);
        Assert.Contains("Sun 10 May 11:50", board.Find(".as-of").TextContent);
        Assert.Equal("Fever on F2-D.", first.QuerySelector(".evidence")!.TextContent);
        Assert.Equal("Raised", first.GetAttribute("data-status"));
    }

    [Fact]
    public async Task Each_farm_counts_its_cows_by_health_and_the_filter_keeps_one_farm_and_condition()
    {
        await using var app = await HerdAppComponents.StartAsync(Now);
        var herd = await FourCowsOnTwoFarms(app);
        await herd.Raise("F1-B", "F1", HealthCondition.Fever, AlertSeverity.Critical, Now.AddHours(-1));
        await herd.Raise("F1-C", "F1", HealthCondition.Heat, AlertSeverity.Info, Now.AddHours(-2));
        await herd.Raise("F2-D", "F2", HealthCondition.Fever, AlertSeverity.Critical, Now.AddHours(-3));

        var board = app.Context.Render<HerdBoard>(p => p.Add(b => b.Filter, new HerdFilter("F1", HealthCondition.Fever)));

        board.WaitForAssertion(() => Assert.Single(board.FindAll("article.farm")), Wait);
        var farm = board.Find("article.farm");
        Assert.Contains("Farm F1", farm.QuerySelector("h3")!.TextContent);
        Assert.Equal(["1 critical", "0 unwell", "1 to watch", "1 healthy"], farm.QuerySelectorAll(".states li").Select(l => l.TextContent.Trim()));
        Assert.Equal(["F1-B (Critical)", "F1-C (Watch)"], farm.QuerySelectorAll("a.chip").Select(a => a.TextContent));
        Assert.Equal(["F1-B"], board.FindAll("li.action .cow").Select(a => a.TextContent));
    }

    [Fact]
    public async Task With_no_open_alert_the_action_list_says_nothing_needs_doing()
    {
        await using var app = await HerdAppComponents.StartAsync(Now);

        var board = app.Context.Render<HerdBoard>(p => p.Add(b => b.Filter, HerdFilter.Everything));

        board.WaitForAssertion(() => Assert.NotEmpty(board.FindAll("section.actions .empty")), Wait);
        Assert.Contains("No open alerts. Nothing needs doing right now.", board.Find("section.actions .empty").TextContent);
        Assert.Contains("No cow has sent a reading yet", board.Find("section.farms .empty").TextContent);
        Assert.Empty(board.FindAll("li.action"));
    }

    [Fact]
    public async Task When_the_database_cannot_be_opened_the_board_says_so_instead_of_failing()
    {
        var unreachable = Path.Combine(Path.GetTempPath(), $"no-such-folder-{Guid.NewGuid():N}", "cowhealth.db");
        await using var app = await HerdAppComponents.StartAsync(Now, unreachable, migrate: false);

        var board = app.Context.Render<HerdBoard>(p => p.Add(b => b.Filter, HerdFilter.Everything));

        board.WaitForAssertion(() => Assert.NotEmpty(board.FindAll("[role=alert]")), Wait);
        Assert.Contains("The herd's database is not answering", board.Find("[role=alert] h2").TextContent);
        Assert.Empty(board.FindAll("li.action"));
    }

    /// <summary>Cows F1-A, F1-B, F1-C and F2-D, each with a reading ten minutes before <see cref="Now"/>.</summary>
    private static async Task<StoredHerd> FourCowsOnTwoFarms(HerdAppComponents app)
    {
        var herd = new StoredHerd(app.Db, app.Clock);
        await herd.Store(new[] { ("F1-A", "F1"), ("F1-B", "F1"), ("F1-C", "F1"), ("F2-D", "F2") }
            .Select(c => StoredHerd.Reading(c.Item1, c.Item2, Now.AddMinutes(-10))));
        return herd;
    }
}
