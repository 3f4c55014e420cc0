using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChannelBot.Web.Tests.Browser;

/// <summary>
/// A resident at the landing page, in a fresh browser context. Every request and WebSocket the page makes is
/// checked: one to any host but the app's (127.0.0.1) is aborted and recorded, and <see cref="AssertStayedOnTheApp"/>
/// fails the test. Waits are on elements and text (Playwright's auto-waiting assertions), never on time.
/// </summary>
public sealed class WebChatPage : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _offHost = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly string _host;

    private WebChatPage(IBrowserContext context, IPage page, string host)
    {
        Context = context;
        Page = page;
        _host = host;
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>The bot's message bubbles, in transcript order.</summary>
    public ILocator BotBubbles => Page.Locator("#webchat .webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content");

    /// <summary>The resident's message bubbles, in transcript order.</summary>
    public ILocator ResidentBubbles => Page.Locator("#webchat .webchat__bubble--from-user .webchat__bubble__content");

    /// <summary>The status line under each of the resident's messages ("Sent at …", "Sending", "Send failed. Retry.").</summary>
    public ILocator ResidentStatuses => Page.Locator("#webchat .webchat__activity-status--self");

    public ILocator SendBox => Page.Locator("#webchat [data-id='webchat-sendbox-input']");

    public ILocator SendButton => Page.Locator("#webchat .webchat__send-button");

    public ILocator SuggestedActions => Page.Locator("#webchat .webchat__suggested-action");

    public IReadOnlyCollection<string> OffHostRequests => _offHost;

    public IReadOnlyCollection<string> Errors => _errors;

    /// <summary>Every request the pages of this context made, as "METHOD url".</summary>
    public IReadOnlyCollection<string> Requests => _requests;

    /// <summary>
    /// Opens <paramref name="path"/> (on the app, or an absolute URL). <paramref name="otherSite"/> is a page of
    /// another site (URL and HTML) answered by the test itself, so that request never leaves the machine either.
    /// </summary>
    public static async Task<WebChatPage> OpenAsync(
        BrowserFixture fixture, string locale = "en-US", string path = "/", (string Url, string Html)? otherSite = null)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        var baseAddress = fixture.App.BaseAddress;
        var context = await fixture.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = locale,
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1000, Height = 900 },
            ServiceWorkers = ServiceWorkerPolicy.Block,
        });
        context.SetDefaultTimeout(BrowserFixture.WaitMilliseconds);
        var page = await context.NewPageAsync();
        var resident = new WebChatPage(context, page, baseAddress.Host);
        await context.RouteAsync("**/*", async route =>
        {
            if (otherSite is { } site && route.Request.Url == site.Url)
            {
                await route.FulfillAsync(new RouteFulfillOptions { ContentType = "text/html; charset=utf-8", Body = site.Html });
            }
            else if (resident.IsOnTheApp(route.Request.Url))
            {
                await route.ContinueAsync();
            }
            else
            {
                resident._offHost.Enqueue(route.Request.Url);
                await route.AbortAsync("blockedbyclient");
            }
        });
        context.Request += (_, request) =>
        {
            resident._requests.Enqueue(request.Method + " " + request.Url);
            if (!resident.IsOnTheApp(request.Url) && request.Url != otherSite?.Url)
            {
                resident._offHost.Enqueue(request.Url);
            }
        };
        page.WebSocket += (_, socket) =>
        {
            if (!resident.IsOnTheApp(socket.Url))
            {
                resident._offHost.Enqueue(socket.Url);
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                resident._errors.Enqueue(message.Text);
            }
        };
        page.PageError += (_, error) => resident._errors.Enqueue(error);

        await page.GotoAsync(path);
        return resident;
    }

    /// <summary>Types a message and sends it with Enter, as a resident does.</summary>
    public async Task SayAsync(string text)
    {
        await SendBox.FillAsync(text);
        await SendBox.PressAsync("Enter");
    }

    /// <summary>Does <paramref name="act"/> and waits until one more bot message containing <paramref name="text"/> is shown.</summary>
    public async Task ExpectReplyAsync(Func<Task> act, string text)
    {
        ArgumentNullException.ThrowIfNull(act);
        var matching = BotBubbles.Filter(new LocatorFilterOptions { HasText = text });
        var before = await matching.CountAsync();
        await act();
        await Expect(matching).ToHaveCountAsync(before + 1);
    }

    public Task SayAndExpectAsync(string say, string reply) => ExpectReplyAsync(() => SayAsync(say), reply);

    public async Task<IReadOnlyList<string>> TextsAsync(ILocator bubbles)
    {
        ArgumentNullException.ThrowIfNull(bubbles);
        return (await bubbles.AllInnerTextsAsync()).Select(text => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();
    }

    public Task<string?> StoredAsync(string key) => Page.EvaluateAsync<string?>("key => sessionStorage.getItem(key)", key);

    /// <summary>
    /// On the next load, before the page's own script runs, sets fields of the conversation it keeps in
    /// sessionStorage (as a reload would find them). Once: a later load of the same tab is left alone.
    /// </summary>
    public Task ChangeKeptConversationOnNextLoadAsync(IDictionary<string, object?> fields) => Context.AddInitScriptAsync(
        "(() => { try { const key = 'channelbot.webchat.conversation';"
        + " if (location.pathname !== '/' || sessionStorage.getItem('test.changed')) { return; }"
        + " const kept = JSON.parse(sessionStorage.getItem(key)); if (!kept) { return; }"
        + $" sessionStorage.setItem(key, JSON.stringify(Object.assign(kept, {JsonSerializer.Serialize(fields)})));"
        + " sessionStorage.setItem('test.changed', '1'); } catch { } })();");

    public void AssertStayedOnTheApp() =>
        Assert.True(_offHost.IsEmpty, "The page made requests to another host: " + string.Join(", ", _offHost));

    public void AssertNoErrors() =>
        Assert.True(_errors.IsEmpty, "The page logged errors: " + string.Join(" | ", _errors));

    public async ValueTask DisposeAsync() => await Context.CloseAsync();

    /// <summary>http(s)/ws(s) to the app's own host (127.0.0.1); data: and blob: URLs never leave the page.</summary>
    private bool IsOnTheApp(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return false;
        }

        return uri.Scheme is "data" or "blob" || string.Equals(uri.Host, _host, StringComparison.OrdinalIgnoreCase);
    }
}
