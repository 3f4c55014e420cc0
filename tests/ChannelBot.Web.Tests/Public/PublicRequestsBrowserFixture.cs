using ChannelBot.Web.Tests.Browser;
using Microsoft.Playwright;

namespace ChannelBot.Web.Tests.Public;

/// <summary><see cref="PublicRequestsFixture"/> and Debian's Chromium driven by Microsoft.Playwright, headless, as the other browser tests run it.</summary>
public sealed class PublicRequestsBrowserFixture : PublicRequestsFixture
{
    private IPlaywright _playwright = null!;

    public IBrowser Browser { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        if (!File.Exists(BrowserFixture.ChromiumPath))
        {
            throw new InvalidOperationException($"{BrowserFixture.ChromiumPath} is missing: run scripts/install-chromium.sh (./test.sh does) to install Debian's chromium.");
        }

        await base.InitializeAsync();
        Assertions.SetDefaultExpectTimeout(BrowserFixture.WaitMilliseconds);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
            ],
        });
    }

    public override async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
    }
}
