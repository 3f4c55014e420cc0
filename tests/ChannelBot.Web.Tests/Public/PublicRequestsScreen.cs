using System.Collections.Concurrent;
using ChannelBot.Web.Tests.Browser;
using Microsoft.Playwright;

namespace ChannelBot.Web.Tests.Public;

/// <summary>
/// One resident's browser on the public view: a fresh context whose every request is checked (one to another host is
/// aborted and recorded; <see cref="AssertStayedOnTheApp"/> fails the test), with the page's errors and
/// Content-Security-Policy refusals recorded (<see cref="AssertNoErrors"/>). Waits are Playwright's, on elements.
/// </summary>
public sealed class PublicRequestsScreen : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _offHost = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly string _host;

    private PublicRequestsScreen(IBrowserContext context, IPage page, string host)
    {
        Context = context;
        Page = page;
        _host = host;
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>Every URL the page asked for, in order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public static async Task<PublicRequestsScreen> OpenAsync(PublicRequestsBrowserFixture fixture, string locale = "en-US")
    {
        ArgumentNullException.ThrowIfNull(fixture);
        var baseAddress = fixture.App.BaseAddress;
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = locale,
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1100, Height = 1000 },
            ServiceWorkers = ServiceWorkerPolicy.Block,
        });
        context.SetDefaultTimeout(BrowserFixture.WaitMilliseconds);
        var page = await context.NewPageAsync();
        var screen = new PublicRequestsScreen(context, page, baseAddress.Host);
        await context.RouteAsync("**/*", async route =>
        {
            if (screen.IsOnTheApp(route.Request.Url))
            {
                await route.ContinueAsync();
            }
            else
            {
                screen._offHost.Enqueue(route.Request.Url);
                await route.AbortAsync("blockedbyclient");
            }
        });
        context.Request += (_, request) => screen.Requests.Enqueue(request.Url);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                screen._errors.Enqueue(message.Text);
            }
        };
        page.PageError += (_, error) => screen._errors.Enqueue(error);
        return screen;
    }

    public void AssertStayedOnTheApp() =>
        Assert.True(_offHost.IsEmpty, "The page made requests to another host: " + string.Join(", ", _offHost));

    public void AssertNoErrors() =>
        Assert.True(_errors.IsEmpty, "The page logged errors: " + string.Join(" | ", _errors));

    public async ValueTask DisposeAsync() => await Context.CloseAsync();

    private bool IsOnTheApp(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme is "data" or "blob" || string.Equals(uri.Host, _host, StringComparison.OrdinalIgnoreCase));
}
