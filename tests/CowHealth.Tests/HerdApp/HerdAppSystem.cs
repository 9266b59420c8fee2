using System.Net.Http.Json;
using CowHealth.LocalRun;
using CowHealth.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CowHealth.Tests.HerdApp;

/// <summary>
/// The composed system the browser specs open: the local run (embedded broker, Processor, Gateway,
/// Simulator, SQLite as in <c>dotnet run --project src/LocalRun</c>) with a small herd that only falls
/// ill when told to, simulated fast enough that an injected fever becomes an alert in seconds, and
/// Debian's Chromium. Started once for the specs of a class.
/// </summary>
public sealed class HerdAppSystem : IAsyncLifetime
{
    public const string FarmKey = "browser-farm-key-0123456789";

    /// <summary>Simulated minutes per wall-clock second: a day of history in 6 s, and 60 days of catch-up (6 min) outlast the specs.</summary>
    private const int Pace = 240;

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("cowhealth-app-");
    private CowHealthLocalRun? _run;
    private IPlaywright? _playwright;

    public CowHealthLocalRun Run => _run!;

    public IBrowser Browser { get; private set; } = default!;

    public HttpClient Gateway { get; private set; } = default!;

    public HttpClient Simulator { get; private set; } = default!;

    /// <summary>Where the specs save their screenshots: <c>COWHEALTH_SCREENSHOTS</c>, or beside the test assembly.</summary>
    public static string ScreenshotFolder =>
        Environment.GetEnvironmentVariable("COWHEALTH_SCREENSHOTS") is { Length: > 0 } folder
            ? folder
            : Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        (_playwright, Browser) = await DebianChromium.LaunchAsync();
        _run = await new LocalRunBuilder()
            .With("Storage:Provider", "Sqlite")
            .With("Storage:ConnectionString", $"Data Source={Path.Combine(_folder.FullName, "app.db")}")
            .With("Herd:Farms", "2")
            .With("Herd:CowsPerFarm", "3")
            .With("Herd:PhBolusShare", "0.5")
            .With("Conditions:Spontaneous", "false")
            .With("Simulation:Mode", "Accelerated")
            .With("Simulation:CatchUpDays", "60")
            .With("Simulation:SimulatedMinutesPerSecond", Pace.ToString())
            .With("Gateway:ApiKeys:farm", FarmKey)
            .StartAsync();
        Gateway = new HttpClient { BaseAddress = Run.GatewayUrl, Timeout = TimeSpan.FromSeconds(30) };
        Simulator = new HttpClient { BaseAddress = Run.SimulatorUrl, Timeout = TimeSpan.FromSeconds(30) };
        // Rules compare a cow with her own normal only after a day of history with every hour seen.
        await Eventually.Until(
            async () =>
            {
                using var response = await Gateway.GetAsync("/api/cows/F01-C0001");
                return response.IsSuccessStatusCode && await response.Content.ReadFromJsonAsync<CowBody>() is { Baselines.Warm: true } cow ? cow : null;
            },
            TimeSpan.FromSeconds(120), "cow F01-C0001's normal to be learned");
    }

    /// <summary>
    /// Gives a cow a fever from the simulator's next reading on, as a person would through the Fake API.
    /// Its rise is the typical 1 °C: episodes otherwise draw theirs from the whole range real cows show,
    /// and the mildest may take the detector longer than a spec waits.
    /// </summary>
    public async Task InjectFever(string cowId)
    {
        using var response = await Simulator.PostAsJsonAsync("/api/scenarios", new { cowId, condition = "Fever", durationHours = 48, severity = 1.0 });
        Assert.True(response.IsSuccessStatusCode, $"the Fake API took the fever for {cowId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Waits for the cow's open alert for the condition and gives its id.</summary>
    public async Task<Guid> OpenAlertOf(string cowId, string condition) =>
        (await Eventually.Until(
            async () => (await Gateway.GetFromJsonAsync<AlertsBody>($"/api/alerts?cowId={cowId}&condition={condition}&status=Raised,Escalated"))!.Items.FirstOrDefault(),
            TimeSpan.FromSeconds(120), $"an open {condition} alert for {cowId}")).AlertId;

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, BaseURL = Run.GatewayUrl.ToString() });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        Gateway?.Dispose();
        Simulator?.Dispose();
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_run is not null)
        {
            await _run.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    private sealed record CowBody(string CowId, BaselinesBody? Baselines);

    private sealed record BaselinesBody(bool Warm);

    private sealed record AlertsBody(List<AlertBody> Items);

    private sealed record AlertBody(Guid AlertId);
}
