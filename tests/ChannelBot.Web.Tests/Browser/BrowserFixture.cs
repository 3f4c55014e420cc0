using ChannelBot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ChannelBot.Web.Tests.Browser;

/// <summary>
/// The real app on Kestrel loopback (SQLite, Direct Line on with a test signing key) and Debian's Chromium driven by
/// Microsoft.Playwright, headless, shared by the browser tests of one class; each test gets its own browser
/// context (a fresh profile: its own sessionStorage, so its own conversation).
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium, installed by scripts/install-chromium.sh (./test.sh runs it).</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>The longest any wait for the page may take before the test fails (never a sleep: a bound on waiting).</summary>
    public const float WaitMilliseconds = 30_000;

    /// <summary>The city's own website, which embeds the chat (DirectLine:AllowedOrigins); the tests answer its page themselves.</summary>
    public const string CityWebsite = "http://www.springfield.example";

    private readonly DirectoryInfo _files = Directory.CreateTempSubdirectory("channelbot-browser-");
    private TestStorage _storage = null!;
    private IPlaywright _playwright = null!;

    public ChannelBotApp App { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The app's host environment: <see cref="ChannelBotApp.TestingEnvironment"/> unless a derived fixture needs another (the sandbox: Development).</summary>
    protected virtual string Environment => ChannelBotApp.TestingEnvironment;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run scripts/install-chromium.sh (./test.sh does) to install Debian's chromium.");
        }

        _storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        var settings = new Dictionary<string, string?>
        {
            ["DirectLine:TokenSigningKey"] = "YnJvd3Nlci10ZXN0LXNpZ25pbmcta2V5LWZvci1kaXJlY3QtbGluZS0wMTIzNDU2Nzg5",
            ["DirectLine:UploadPath"] = Path.Combine(_files.FullName, "uploads"),
            ["DirectLine:SessionBurst"] = "1000",
            ["DirectLine:AllowedOrigins:0"] = CityWebsite,
            ["Photos:Path"] = Path.Combine(_files.FullName, "photos"),
        }.WithLoopbackMedia("emulator");
        Configure(settings);
        App = ChannelBotApp.Start(_storage, settings, ConfigureServices, environment: Environment);

        Assertions.SetDefaultExpectTimeout(WaitMilliseconds);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                // The city's website in the embed tests is answered by the test under a public name while the app is on
                // loopback; Chromium's local-network protections would block that mix (a real deployment is public to public).
                "--disable-features=BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessSendPreflights,PrivateNetworkAccessRespectPreflightResults,LocalNetworkAccessChecks",
            ],
        });
    }

    /// <summary>What a derived fixture replaces among the app's services (a clock it moves) before it starts.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>What a derived fixture adds to the app's settings (a map, a fake provider) before it starts.</summary>
    protected virtual void Configure(Dictionary<string, string?> settings)
    {
    }

    /// <summary>
    /// A new browser context (a fresh profile) whose pages live at the app's time: the app runs on a pinned clock, so
    /// the page's clock is set to it (and then flows), and what the page reckons from tokens and dates agrees with the
    /// server whatever the real date is.
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions options)
    {
        var context = await Browser.NewContextAsync(options);
        await context.Clock.InstallAsync(new ClockInstallOptions { TimeDate = Now.UtcDateTime });
        return context;
    }

    /// <summary>The app's time now (what its pages' clocks are set to).</summary>
    public DateTimeOffset Now => App.Services.GetRequiredService<TimeProvider>().GetUtcNow();

    public virtual async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        if (_storage is not null)
        {
            await _storage.DisposeAsync();
        }

        _files.Delete(recursive: true);
    }
}
