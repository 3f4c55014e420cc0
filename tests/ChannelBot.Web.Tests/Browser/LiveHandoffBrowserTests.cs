using ChannelBot.Web.Staff;
using ChannelBot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChannelBot.Web.Tests.Browser;

/// <summary>
/// Live handoff in real browsers: a resident on the sandbox's Messenger phone (its messages go through the app's
/// Messenger webhook, the bot's through the sandbox's fake Graph API) asks for a person while the demo operator has the
/// console's Live chats open. The resident appears in the line without a reload (server-sent events); the operator
/// takes the chat and replies, and the reply shows on the phone; "Return to bot" brings back the question the bot was
/// at. On a Sunday night the same request gets the staffed hours instead. The Live chats view passes axe-core.
/// </summary>
public sealed class LiveHandoffBrowserTests(HandoffBrowserFixture fixture) : IClassFixture<HandoffBrowserFixture>
{
    [Fact]
    public async Task A_messenger_resident_reaches_an_operator_in_the_console_and_goes_back_to_the_bot()
    {
        var axe = await AxeCore.SourceAsync();
        await using var resident = await WebChatPage.OpenAsync(fixture, path: "/sandbox");
        var messenger = new SandboxPhone(resident.Page, "messenger");
        await messenger.BecomeAsync("6512300000000077");
        await messenger.SayAsync("hi", "What would you like to report?");
        await messenger.SayAsync("the streetlight on my corner is out", "Where is it?");

        var password = fixture.App.Services.GetRequiredService<DemoOperator>().Password!;
        await using var console = await StaffConsoleScreen.OpenAsync(fixture);
        await console.SignInAsync(DemoOperator.Login, password);
        var page = console.Page;
        await page.GetByRole(AriaRole.Button, new() { Name = "Live chats" }).ClickAsync();
        await Expect(page.Locator("#handoffs-empty")).ToBeVisibleAsync();

        await messenger.SayAsync("talk to a person", "I've asked a 311 operator to join this chat");
        var open = page.GetByRole(AriaRole.Button, new() { Name = "Open chat" });
        await Expect(open).ToHaveCountAsync(1, new() { Timeout = BrowserFixture.WaitMilliseconds });
        await Expect(page.Locator("#handoffs-body")).ToContainTextAsync("Messenger");
        await Expect(page.Locator("#handoffs-count")).ToHaveTextAsync("1");
        await open.ClickAsync();
        await Expect(page.Locator("#handoff-conversation")).ToContainTextAsync("talk to a person");

        await messenger.ExpectReplyAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Take this chat" }).ClickAsync(), "from 311 has joined the chat");
        await messenger.ExpectReplyAsync(
            async () =>
            {
                await page.GetByLabel("Your reply to the resident").FillAsync("Hi, I can help. Which corner is it?");
                await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
            },
            "Hi, I can help. Which corner is it?");

        // The resident's answer shows in the open chat by itself.
        await SayToOperatorAsync(resident.Page, "Oak Ave and 3rd St");
        await Expect(page.Locator("#handoff-conversation")).ToContainTextAsync("Oak Ave and 3rd St");
        var violations = await AxeCore.SeriousViolationsAsync(page, axe, "/staff live chats");
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));

        await messenger.ExpectReplyAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Return to bot" }).ClickAsync(), "The operator handed you back to me");
        await Expect(messenger.CityBubbles.Last).ToContainTextAsync("Where is it?");
        await Expect(page.Locator("#handoffs-empty")).ToBeVisibleAsync();

        console.AssertStayedOnTheApp();

        // Sunday 23:00 in the city (the operator's session is long over by then): nobody answers chats, and the resident
        // is told when they do; nobody is put in line.
        fixture.Clock.MoveTo(new DateTimeOffset(2026, 6, 21, 23, 0, 0, TimeSpan.FromHours(-4)));
        await messenger.SayAsync("agent", "Operators answer chats Mon-Fri 8:00 AM-6:00 PM; Sat 9:00 AM-1:00 PM.");
        Assert.Empty(await fixture.App.Services.GetRequiredService<ChannelBot.Infrastructure.Handoffs.HandoffDesk>().OpenAsync(CancellationToken.None));
        resident.AssertStayedOnTheApp();
    }

    private static async Task SayToOperatorAsync(IPage page, string text)
    {
        await page.Locator("#phone-messenger .phone__text").FillAsync(text);
        await page.Locator("#phone-messenger .phone__text").PressAsync("Enter");
        await Expect(page.Locator("#phone-messenger .phone__bubble--resident").Last).ToContainTextAsync(text);
    }
}
