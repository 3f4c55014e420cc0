using ChannelBot.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace ChannelBot.Web.Tests.Browser;

/// <summary>
/// The pages a resident or a newcomer opens, against axe-core's WCAG 2.1 A and AA rules and best practices: no violation
/// of any impact, at a desktop's width and on a phone 320 CSS px wide, where the page does not scroll sideways either.
/// </summary>
public sealed partial class SandboxPageTests
{
    [Theory]
    [InlineData(1000, 900)]
    [InlineData(320, 640)]
    public async Task The_landing_page_in_a_conversation_the_sandbox_and_the_email_page_have_no_accessibility_violation(int width, int height)
    {
        var axe = await AxeCore.SourceAsync();
        var found = new List<string>();
        await using var resident = await WebChatPage.OpenAsync(fixture);
        var page = resident.Page;
        await page.SetViewportSizeAsync(width, height);
        await Expect(resident.BotBubbles.First).ToBeVisibleAsync();
        await resident.SayAndExpectAsync("there's a huge pothole in the road", "Pothole");
        await CheckAsync($"/ in a conversation at {width} px");

        await page.GotoAsync("/sandbox");
        await Expect(page.Locator("#phone-sms .phone__text")).ToBeVisibleAsync();
        await CheckAsync($"/sandbox at {width} px");

        await page.GotoAsync("/email/unsubscribe?token=not-one-of-ours");
        await CheckAsync($"/email/unsubscribe with a broken link at {width} px");

        Assert.True(found.Count == 0, "axe found violations:\n" + string.Join('\n', found));
        resident.AssertStayedOnTheApp();

        async Task CheckAsync(string where)
        {
            found.AddRange(await AxeCore.AllViolationsAsync(page, axe, where));
            found.AddRange(await Reflow.ProblemsAsync(page, where));
        }
    }
}
