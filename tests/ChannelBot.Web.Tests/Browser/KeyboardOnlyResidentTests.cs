using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChannelBot.Web.Tests.Browser;

/// <summary>
/// Residents and newcomers who use only the keyboard (Tab, Shift+Tab, Enter, typing): on the landing page's web chat
/// they answer the bot by typing and by choosing a suggested answer; on the sandbox they become an SMS resident and
/// text a report. At every Tab stop the focus must be visible (<see cref="KeyboardOnly"/>).
/// </summary>
public sealed class KeyboardOnlyResidentTests(SandboxBrowserFixture fixture) : IClassFixture<SandboxBrowserFixture>
{
    [Fact]
    public async Task A_resident_reports_in_the_landing_page_chat_with_the_keyboard_alone()
    {
        await using var resident = await WebChatPage.OpenAsync(fixture);
        var page = resident.Page;
        await Expect(resident.SuggestedActions.Filter(new() { HasText = "Pothole" })).ToHaveCountAsync(1);

        await KeyboardOnly.TabToAsync(page, resident.SendBox);
        await resident.ExpectReplyAsync(
            async () =>
            {
                await page.Keyboard.TypeAsync("pothole");
                await page.Keyboard.PressAsync("Enter");
            },
            "Where is it?");
        await resident.ExpectReplyAsync(
            async () =>
            {
                await page.Keyboard.TypeAsync("123 Main St");
                await page.Keyboard.PressAsync("Enter");
            },
            "Where in the road is it?");

        var curb = resident.SuggestedActions.Filter(new() { HasText = "Next to the curb" });
        await Expect(curb).ToHaveCountAsync(1);
        // The suggested answers are a toolbar (one Tab stop, arrow keys between its buttons): Shift+Tab from the send box
        // reaches it, the right arrow moves to the answer, Enter chooses it.
        await KeyboardOnly.TabToAsync(page, resident.SuggestedActions.First, backwards: true);
        await KeyboardOnly.PressUntilAsync(page, "ArrowRight", "node => node.textContent.includes('Next to the curb')");
        await resident.ExpectReplyAsync(() => page.Keyboard.PressAsync("Enter"), "Is it any of these?");
        await Expect(resident.ResidentBubbles).ToHaveTextAsync(["pothole", "123 Main St", "Next to the curb"]);
        resident.AssertStayedOnTheApp();
    }

    [Fact]
    public async Task A_newcomer_texts_a_report_from_the_sandbox_phone_with_the_keyboard_alone()
    {
        await using var newcomer = await WebChatPage.OpenAsync(fixture, path: "/sandbox");
        var page = newcomer.Page;
        var sms = new SandboxPhone(page, "sms");
        var keys = page.Keyboard;

        await KeyboardOnly.TabToAsync(page, page.Locator("#phone-sms .phone__address"));
        await keys.PressAsync("Control+A");
        await keys.TypeAsync("+15555550188");
        await KeyboardOnly.TabToAsync(page, page.Locator("#phone-sms .phone__text"));
        await sms.ExpectReplyAsync(
            async () =>
            {
                await keys.TypeAsync("streetlight out");
                await keys.PressAsync("Enter");
            },
            "Where is it?");
        await Expect(sms.ResidentBubbles.Last).ToContainTextAsync("streetlight out");
        await Expect(page.Locator("#phone-sms .phone__address")).ToHaveValueAsync("+15555550188");
        newcomer.AssertStayedOnTheApp();
    }
}
