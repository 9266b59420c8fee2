using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using CowHealth.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CowHealth.Tests.HerdApp;

/// <summary>The herd app in a real browser (Debian's Chromium) against the whole system on the embedded broker.</summary>
[Collection(PostgresCollection.Name)] // not for PostgreSQL: whole-pipeline specs take turns on two cores
public sealed class HerdAppBrowser_Specs(HerdAppSystem system) : IClassFixture<HerdAppSystem>
{
    private const float Timeout = 120_000;

    [Fact]
    public async Task An_injected_fever_appears_on_the_open_herd_page_without_a_reload()
    {
        var page = await system.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page.Locator("#live-status[data-state=live]"));
        await page.EvaluateAsync("window.stillTheSamePage = true");

        await system.InjectFever("F01-C0002");

        var alert = page.Locator("li.action", new() { Has = page.Locator("a.cow", new() { HasTextString = "F01-C0002" }) })
            .Filter(new() { Has = page.Locator(".condition", new() { HasTextString = "Fever" }) });
        await Expect(alert);
        Assert.True(await page.EvaluateAsync<bool>("window.stillTheSamePage === true"), "the page was not reloaded");
        Assert.Contains("F01-C0002", await alert.InnerTextAsync());
        await Screenshot(page, "herd");
    }

    [Fact]
    public async Task The_cow_page_draws_her_temperature_readings_inside_the_band_of_her_own_normal()
    {
        var page = await system.NewPageAsync();
        await page.GotoAsync("/cows/F01-C0001");
        await Expect(page.Locator("#chart-temperature[data-drawn=true]"));

        // What plotly.js was given and drew: its traces on the chart's element, and the band's filled area in the SVG.
        var traces = await page.EvaluateAsync<JsonElement>(
            "Array.from(document.getElementById('chart-temperature').data, t => ({ name: t.name, x: t.x, y: t.y }))");
        var temperature = traces.EnumerateArray().Single(t => t.GetProperty("name").GetString() == "Rumen temperature");
        var band = traces.EnumerateArray().Single(t => t.GetProperty("name").GetString()!.StartsWith("Her normal ±", StringComparison.Ordinal));
        var points = temperature.GetProperty("x").EnumerateArray().Select(x => x.GetString()!)
            .Zip(temperature.GetProperty("y").EnumerateArray().Select(y => y.GetDouble())).ToList();
        Assert.True(points.Count >= 100, $"a day of readings is drawn, not {points.Count}");
        Assert.True(band.GetProperty("y").EnumerateArray().Count(y => y.ValueKind == JsonValueKind.Number) >= 100, "the band of her normal runs along the readings");
        Assert.True(await page.Locator("#chart-temperature path.js-fill").CountAsync() > 0, "plotly filled the band");

        // The readings drawn are hers, as the API serves them (the farm's time zone is UTC here).
        var first = DateTime.ParseExact(points[0].First, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var from = new DateTimeOffset(first, TimeSpan.Zero);
        var served = await system.Gateway.GetFromJsonAsync<ReadingsBody>(
            $"/api/cows/F01-C0001/readings?from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(from.AddDays(1).ToString("O"))}");
        var byTime = served!.Readings.ToDictionary(r => r.MeasuredAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), r => r.RumenTemperatureCelsius);
        Assert.All(points, p => Assert.Equal(byTime[p.First], p.Second));
        await Screenshot(page, "cow");
    }

    [Fact]
    public async Task A_signed_in_person_acknowledges_an_alert_and_the_open_herd_page_shows_it_acknowledged()
    {
        await system.InjectFever("F02-C0001");
        var alertId = await system.OpenAlertOf("F02-C0001", "Fever");
        var herd = await system.NewPageAsync();
        await herd.GotoAsync("/");
        await Expect(herd.Locator("#live-status[data-state=live]"));
        await Expect(herd.Locator($"li.action[data-alert-id='{alertId}']"));

        var page = await system.NewPageAsync();
        await page.GotoAsync($"/alerts/{alertId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).Last.ClickAsync();
        await page.GetByLabel("Key").FillAsync(HerdAppSystem.FarmKey);
        await Screenshot(page, "sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync($"**/alerts/{alertId}");
        await page.GetByLabel("Your name").FillAsync("Jo Vet");
        await page.GetByLabel("Note for the next person").FillAsync("Temperature taken, vet called.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Jo Vet takes this alert on" }));

        await Expect(herd.Locator($"li.action[data-alert-id='{alertId}'][data-status=Acknowledged]"));
        Assert.Contains("by Jo Vet", await herd.Locator($"li.action[data-alert-id='{alertId}'] .status").InnerTextAsync());
        await page.ReloadAsync();
        await Expect(page.Locator(".timeline li", new() { HasTextString = "Acknowledged" }).Filter(new() { HasTextString = "Jo Vet" }));
        await Screenshot(page, "alert");
    }

    [Fact]
    public async Task Every_page_fits_a_phone_screen_without_scrolling_sideways()
    {
        await system.InjectFever("F01-C0003");
        var alertId = await system.OpenAlertOf("F01-C0003", "Fever");
        var phone = await system.NewPageAsync(width: 390, height: 844);

        foreach (var (path, name) in new[] { ("/", "herd-phone"), ("/cows/F01-C0003", "cow-phone"), ($"/alerts/{alertId}", "alert-phone"), ("/sign-in", "sign-in-phone") })
        {
            await phone.GotoAsync(path);
            if (name == "cow-phone")
            {
                await Expect(phone.Locator("#chart-temperature[data-drawn=true]"));
            }
            else if (name == "herd-phone")
            {
                await Expect(phone.Locator("#live-status[data-state=live]"));
            }

            var widths = await phone.EvaluateAsync<int[]>("[document.documentElement.scrollWidth, window.innerWidth]");
            Assert.True(widths[0] <= widths[1], $"{path} is {widths[0]} px wide on a {widths[1]} px screen");
            await Screenshot(phone, name);
        }
    }

    [Fact]
    public async Task While_Kafka_is_unreachable_the_herd_page_says_live_updates_are_paused_and_is_live_again_when_it_is_back()
    {
        var page = await system.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page.Locator("#live-status[data-state=live]"));

        system.Run.EmbeddedBroker!.SetBrokerDown(1);
        try
        {
            var paused = page.Locator("#live-status[data-state=unavailable]");
            await Expect(paused);
            Assert.Contains("Live updates paused: the alert feed (Kafka) is unreachable", await paused.InnerTextAsync());
        }
        finally
        {
            system.Run.EmbeddedBroker.SetBrokerUp(1);
        }

        await Expect(page.Locator("#live-status[data-state=live]"));
    }

    private static Task Expect(ILocator locator) =>
        Assertions.Expect(locator.First).ToBeVisibleAsync(new() { Timeout = Timeout });

    private static async Task Screenshot(IPage page, string name)
    {
        Directory.CreateDirectory(HerdAppSystem.ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(HerdAppSystem.ScreenshotFolder, name + ".png"), FullPage = true });
    }

    private sealed record ReadingsBody(List<ReadingBody> Readings);

    private sealed record ReadingBody(DateTimeOffset MeasuredAt, double RumenTemperatureCelsius);
}
