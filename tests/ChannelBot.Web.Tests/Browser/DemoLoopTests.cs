using System.Text.RegularExpressions;
using ChannelBot.Web.Staff;
using ChannelBot.Web.Tests.Support;
using ChannelBot.Web.Tests.Twilio;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChannelBot.Web.Tests.Browser;

/// <summary>
/// The whole loop a newcomer sees after <c>dotnet run</c>, in a real browser against the app in Development with no
/// account made by hand: a report texted from the sandbox's SMS phone, its status changed in the staff console by the
/// demo operator whose sign-in the app printed, and the update arriving on the same phone; both pages pass axe-core.
/// </summary>
public sealed partial class DemoLoopTests(SandboxBrowserFixture fixture) : IClassFixture<SandboxBrowserFixture>
{
    [Fact]
    public async Task A_texted_report_whose_status_the_demo_operator_changes_reaches_the_sandbox_phone()
    {
        var axe = await AxeCore.SourceAsync();
        await using var newcomer = await WebChatPage.OpenAsync(fixture, path: "/sandbox");
        var sms = new SandboxPhone(newcomer.Page, "sms");
        await sms.BecomeAsync("+15555550177");
        foreach (var text in SmsScript.Texts[..^1])
        {
            await sms.ExpectReplyAsync(() => SayOnlyAsync(newcomer.Page, text), string.Empty);
        }

        await sms.SayAsync(SmsScript.Texts[^1], "Report 311-");
        var ticket = Ticket().Match(await sms.CityBubbles.Last.InnerTextAsync()).Value;
        AssertAccessible(await AxeCore.SeriousViolationsAsync(newcomer.Page, axe, "/sandbox after a report"));

        // The sandbox points at the console; the demo operator's password is the one this run printed.
        await Expect(newcomer.Page.GetByRole(AriaRole.Link, new() { Name = "staff console" })).ToHaveAttributeAsync("href", new Regex("/staff$"));
        var password = fixture.App.Services.GetRequiredService<DemoOperator>().Password!;
        await using var console = await StaffConsoleScreen.OpenAsync(fixture);
        await console.SignInAsync(DemoOperator.Login, password);
        await console.FindAsync(ticket);
        await Expect(console.CaseTitle).ToContainTextAsync(ticket);
        AssertAccessible(await AxeCore.SeriousViolationsAsync(console.Page, axe, "/staff case view"));
        var heard = await sms.CityBubbles.CountAsync();
        await console.ChangeStatusAsync("in_progress", "A crew is on the way.");

        await Expect(sms.CityBubbles).ToHaveCountAsync(heard + 1, new() { Timeout = BrowserFixture.WaitMilliseconds });
        await Expect(sms.CityBubbles.Last).ToContainTextAsync(ticket);
        await Expect(sms.CityBubbles.Last).ToContainTextAsync("crews are working on it now");
        console.AssertStayedOnTheApp();
        newcomer.AssertStayedOnTheApp();
        newcomer.AssertNoErrors();
    }

    private static void AssertAccessible(IReadOnlyList<string> violations) =>
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));

    private static async Task SayOnlyAsync(IPage page, string text)
    {
        await page.Locator("#phone-sms .phone__text").FillAsync(text);
        await page.Locator("#phone-sms .phone__text").PressAsync("Enter");
    }

    [GeneratedRegex(@"311-\d{4}-\d{6}")]
    private static partial Regex Ticket();
}
