using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace ChannelBot.Web.Tests.Browser;

/// <summary>The staff API's interactive reference (/api/reference) renders in Chromium from the app alone.</summary>
public sealed class ApiReferencePageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_reference_shows_the_case_endpoints_with_no_request_leaving_the_app()
    {
        var host = fixture.App.BaseAddress.Host;
        await using var context = await fixture.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.App.BaseAddress.ToString() });
        var offHost = new ConcurrentQueue<string>();
        await context.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            if (url.Scheme is "data" or "blob" || url.Host == host)
            {
                await route.ContinueAsync();
            }
            else
            {
                offHost.Enqueue(route.Request.Url);
                await route.AbortAsync("blockedbyclient");
            }
        });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/api/reference");

        await Assertions.Expect(page.GetByText("ChannelBot staff API").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("/api/cases/{ticket}/status").First).ToBeAttachedAsync();
        Assert.True(offHost.IsEmpty, "Requests left the app: " + string.Join(", ", offHost));
    }
}
