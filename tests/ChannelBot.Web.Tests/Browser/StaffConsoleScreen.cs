using System.Collections.Concurrent;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChannelBot.Web.Tests.Browser;

/// <summary>
/// A member of staff at <c>/staff</c> in a fresh browser context (its own cookie jar). Every request the page makes to
/// a host other than the app's is aborted and recorded, and so is every console error (a CSP violation among them):
/// <see cref="AssertStayedOnTheApp"/> fails the test on either. Waits are on elements, never on time.
/// </summary>
public sealed class StaffConsoleScreen : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _offHost = new();
    private readonly ConcurrentQueue<string> _errors = new();

    private StaffConsoleScreen(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>The answer to the first request for the page (its headers: the CSP).</summary>
    public IResponse? FirstResponse { get; private set; }

    public ILocator SignInHeading => Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" });

    public ILocator CasesHeading => Page.GetByRole(AriaRole.Heading, new() { Name = "Cases", Exact = true });

    public ILocator CaseTitle => Page.Locator("#case-title");

    public ILocator CaseCount => Page.Locator("#cases-count");

    public ILocator Alert => Page.Locator("#message");

    public ILocator History => Page.Locator("#case-history tr");

    public ILocator Messages => Page.Locator("#case-messages tr");

    public ILocator OpenCaseButton(string ticket) => Page.GetByRole(AriaRole.Button, new() { Name = "Open case " + ticket, Exact = true });

    public static async Task<StaffConsoleScreen> OpenAsync(BrowserFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        var host = fixture.App.BaseAddress.Host;
        var context = await fixture.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.App.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var screen = new StaffConsoleScreen(context, await context.NewPageAsync());
        await context.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            if (url.Scheme is "data" or "blob" || url.Host == host)
            {
                await route.ContinueAsync();
            }
            else
            {
                screen._offHost.Enqueue(route.Request.Url);
                await route.AbortAsync("blockedbyclient");
            }
        });
        screen.Page.Console += (_, message) =>
        {
            // A refused request (401 before signing in, 403 on another department's case) is logged by Chromium as an
            // error too; those are the API's answers the page shows, not faults of the page.
            if (message.Type == "error" && !message.Text.Contains("the server responded with a status of 4", StringComparison.Ordinal))
            {
                screen._errors.Enqueue(message.Text);
            }
        };
        screen.Page.PageError += (_, error) => screen._errors.Enqueue(error);
        screen.FirstResponse = await screen.Page.GotoAsync("/staff");
        return screen;
    }

    public async Task SignInAsync(string login, string password)
    {
        await Expect(SignInHeading).ToBeVisibleAsync();
        await Page.GetByLabel("Sign-in name", new() { Exact = true }).FillAsync(login);
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }

    public async Task ChangePasswordAsync(string current, string replacement)
    {
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Choose your own password" })).ToBeVisibleAsync();
        await Page.GetByLabel("Current password", new() { Exact = true }).FillAsync(current);
        await Page.GetByLabel("New password", new() { Exact = true }).FillAsync(replacement);
        await Page.GetByLabel("New password again", new() { Exact = true }).FillAsync(replacement);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
    }

    /// <summary>Types a ticket (or any text) into the search field and presses Find.</summary>
    public async Task FindAsync(string text)
    {
        await Page.GetByLabel("Ticket or text").FillAsync(text);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Find", Exact = true }).ClickAsync();
    }

    public async Task ChangeStatusAsync(string status, string publicNote)
    {
        await Page.GetByLabel("New status").SelectOptionAsync(status);
        await Page.GetByLabel("Public note (the resident sees it)").FillAsync(publicNote);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save status" }).ClickAsync();
    }

    public Task SignOutAsync() => Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

    public void AssertStayedOnTheApp()
    {
        Assert.True(_offHost.IsEmpty, "Requests left the app: " + string.Join(", ", _offHost));
        Assert.True(_errors.IsEmpty, "The page logged errors: " + string.Join(" | ", _errors));
    }

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}
