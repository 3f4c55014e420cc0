using ChannelBot.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace ChannelBot.Web.Tests.Browser;

/// <summary>The pages a resident or a newcomer opens, against axe-core's WCAG 2.1 A and AA rules and best practices: no violation of any impact.</summary>
public sealed partial class SandboxPageTests
{
    [Fact]
    public async Task The_landing_page_in_a_conversation_the_sandbox_and_the_email_page_have_no_accessibility_violation()
    {
        var axe = await AxeCore.SourceAsync();
        var found = new List<string>();
        await using var resident = await WebChatPage.OpenAsync(fixture);
        await Expect(resident.BotBubbles.First).ToBeVisibleAsync();
        await resident.SayAndExpectAsync("there's a huge pothole in the road", "Pothole");
        found.AddRange(await AxeCore.AllViolationsAsync(resident.Page, axe, "/ in a conversation"));

        await resident.Page.GotoAsync("/sandbox");
        await Expect(resident.Page.Locator("#phone-sms .phone__text")).ToBeVisibleAsync();
        found.AddRange(await AxeCore.AllViolationsAsync(resident.Page, axe, "/sandbox"));

        await resident.Page.GotoAsync("/email/unsubscribe?token=not-one-of-ours");
        found.AddRange(await AxeCore.AllViolationsAsync(resident.Page, axe, "/email/unsubscribe with a broken link"));

        Assert.True(found.Count == 0, "axe found violations:\n" + string.Join('\n', found));
        resident.AssertStayedOnTheApp();
    }
}
