using Microsoft.Playwright;

namespace CowHealth.Tests.HerdApp;

/// <summary>
/// Debian's own Chromium (<c>apt-get install chromium</c>; ./test.sh installs it), driven by
/// Playwright's node driver from its NuGet package. Playwright's browser download is never used.
/// </summary>
internal static class DebianChromium
{
    public const string Executable = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"The browser specs need Debian's Chromium at {Executable}: run ./test.sh, which installs it, or apt-get install chromium.");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Executable,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
        return (playwright, browser);
    }
}
