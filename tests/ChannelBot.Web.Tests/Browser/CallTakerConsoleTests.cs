using ChannelBot.Web.Tests.Staff;
using ChannelBot.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChannelBot.Web.Tests.Browser;

/// <summary>
/// The console's "New case (phone call)" form in Chromium against the real app (the sample city's map, the fake
/// Twilio): on a phone-sized screen and from the keyboard, an operator's empty report is refused with its errors
/// listed, focused and linked to their fields; a full one near an open pothole is offered as its duplicate and the
/// caller linked to it; elsewhere a report is filed, routed, and texted to the caller. axe finds nothing serious.
/// </summary>
public sealed class CallTakerConsoleTests(CallTakerBrowserFixture fixture) : IClassFixture<CallTakerBrowserFixture>
{
    [Fact]
    public async Task On_a_phone_sized_screen_an_operator_links_a_caller_to_the_open_pothole_nearby_from_the_keyboard()
    {
        using var http = fixture.App.CreateHttpClient();
        var original = await new PhoneIntakeClient(http).FileAsync(PhoneIntakeClient.Pothole("+14135550101", "41 Adams Ave"));
        var axe = await AxeCore.SourceAsync();
        await using var screen = await SignedInOperatorAsync("phone-width");
        await screen.Page.SetViewportSizeAsync(390, 844);
        var page = screen.Page;

        await page.Locator("#nav-intake").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New case (phone call)" })).ToBeFocusedAsync();
        await page.Locator("#intake-submit").FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        var summary = page.Locator("#intake-errors");
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary).ToContainTextAsync("Choose the kind of problem.");
        await Expect(summary).ToContainTextAsync("Give an address");
        await Expect(page.Locator("#intake-service")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Empty(await AxeCore.SeriousViolationsAsync(page, axe, "/staff intake with errors"));
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#intake-service")).ToBeFocusedAsync();

        await page.GetByLabel("Kind of problem (required)").SelectOptionAsync("PTHOLE");
        var curb = page.GetByLabel("Next to the curb");
        await curb.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.GetByLabel("Where: address, intersection or place").FillAsync("41 Adams Ave");
        await page.GetByLabel("Caller's name", new() { Exact = true }).FillAsync("Chris Caller");
        await page.GetByLabel("Caller's phone", new() { Exact = true }).FillAsync("(413) 555-0102");
        await page.GetByLabel("By text message (SMS) to their phone").CheckAsync();
        await page.GetByLabel("The caller agreed, on this call, to be sent these updates").CheckAsync();
        await page.Locator("#intake-submit").FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Already reported nearby?" })).ToBeFocusedAsync();
        Assert.Empty(await AxeCore.SeriousViolationsAsync(page, axe, "/staff intake with a duplicate offered"));
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The form scrolls sideways on a phone.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Link the caller to " + original }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(screen.Page.Locator("#notice")).ToContainTextAsync("Filed as 311-");
        await Expect(screen.Page.Locator("#notice")).ToContainTextAsync("Linked to " + original);
        await Expect(page.Locator("#case-facts")).ToContainTextAsync(original);
        await Expect(page.Locator("#case-facts")).ToContainTextAsync("phone");
        await Expect(page.Locator("#case-reporter")).ToContainTextAsync("+14135550102");
        var receipt = await new SmsPhone(http, fixture.Twilio, "+14135550102").WaitForTextAsync(1);
        Assert.Contains("Pothole", receipt, StringComparison.Ordinal);
        screen.AssertStayedOnTheApp();
    }

    [Fact]
    public async Task A_report_where_nothing_is_open_is_filed_routed_and_texted_to_the_caller()
    {
        await using var screen = await SignedInOperatorAsync("routed");
        var page = screen.Page;
        await page.GetByRole(AriaRole.Button, new() { Name = "New case (phone call)" }).ClickAsync();

        await page.GetByLabel("Kind of problem (required)").SelectOptionAsync("PTHOLE");
        await page.GetByLabel("Traffic lane").CheckAsync();
        await page.GetByLabel("Very deep").CheckAsync();
        await page.GetByLabel("Damaged a vehicle").CheckAsync();
        await page.GetByLabel("Where: address, intersection or place").FillAsync("22 Elm St");
        await page.GetByLabel("What the caller says").FillAsync("Blew a tyre on it this morning.");
        await page.GetByLabel("Caller's phone", new() { Exact = true }).FillAsync("413-555-0103");
        await page.GetByLabel("By text message (SMS) to their phone").CheckAsync();
        await page.GetByLabel("The caller agreed, on this call, to be sent these updates").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "File the case" }).ClickAsync();

        var notice = page.Locator("#notice");
        await Expect(notice).ToContainTextAsync("Filed as 311-");
        await Expect(notice).ToContainTextAsync("sent to CUSTOMER-SERVICE");
        await Expect(notice).ToContainTextAsync("3 business days");
        await Expect(page.Locator("#case-attributes")).ToContainTextAsync("Very deep, Damaged a vehicle");
        await Expect(screen.History.First).ToContainTextAsync("Taken by phone by");
        var ticket = (await screen.CaseTitle.TextContentAsync())!.Split(' ')[0];
        using var http = fixture.App.CreateHttpClient();
        var receipt = await new SmsPhone(http, fixture.Twilio, "+14135550103").WaitForTextAsync(1);
        Assert.Contains(ticket, receipt, StringComparison.Ordinal);
        screen.AssertStayedOnTheApp();
    }

    /// <summary>A new operator (with their own admin, so tests stay apart) signed in at /staff.</summary>
    private async Task<StaffConsoleScreen> SignedInOperatorAsync(string name)
    {
        using var admin = await StaffPeople.AdminAsync(fixture.App, $"intake-admin-{name}@city.example");
        var login = $"intake-{name}@city.example";
        using var person = await StaffPeople.PersonAsync(admin, fixture.App, login, "operator");
        var screen = await StaffConsoleScreen.OpenAsync(fixture);
        await screen.SignInAsync(login, StaffPeople.OwnPassword);
        await Expect(screen.CasesHeading).ToBeVisibleAsync();
        return screen;
    }
}
