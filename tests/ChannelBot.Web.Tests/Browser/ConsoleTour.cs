using System.Text.RegularExpressions;
using ChannelBot.Web.Tests.Staff;
using ChannelBot.Web.Tests.Support;
using ChannelBot.Web.Tests.Twilio;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChannelBot.Web.Tests.Browser;

/// <summary>
/// Every view of the staff console with real data in it, visited in order by a new operator on <see cref="CallTakerBrowserFixture"/>'s app:
/// the sign-in form (and its refusal), the first-password form, the list of cases, a case texted by SMS with its
/// conversation (before and after a status change), the call taker's form (empty, refused, offering a duplicate) and
/// analytics. At each, a check (axe, reflow) is run on the page as it is.
/// </summary>
public static partial class ConsoleTour
{
    /// <summary>Where an open pothole is filed before the tour, so the call taker's form offers it as a duplicate.</summary>
    public const string DuplicateAddress = "41 Adams Ave";

    /// <summary>
    /// A pothole report texted from <paramref name="phone"/> (its conversation in the case); returns its ticket. The
    /// bot may first offer an open pothole already reported there: the resident files a new report.
    /// </summary>
    public static async Task<string> TextAPotholeAsync(CallTakerBrowserFixture fixture, string phone)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        using var http = fixture.App.CreateHttpClient();
        var resident = new SmsPhone(http, fixture.Twilio, phone);
        var answer = string.Empty;
        foreach (var text in SmsScript.Texts)
        {
            answer = await resident.TextAsync(text);
            if (answer.Contains("Is it this one?", StringComparison.Ordinal))
            {
                answer = await resident.TextAsync(NewReport().Match(answer).Groups[1].Value);
            }
        }

        var ticket = Ticket().Match(answer);
        Assert.True(ticket.Success, $"No ticket in the last answer: {answer}");
        return ticket.Value;
    }

    /// <summary>An open pothole at <see cref="DuplicateAddress"/> (filed now unless one is there already).</summary>
    public static async Task OpenPotholeNearbyAsync(CallTakerBrowserFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        using var http = fixture.App.CreateHttpClient();
        var (status, body) = await new PhoneIntakeClient(http).PostAsync(PhoneIntakeClient.Pothole("+14135550150", DuplicateAddress));
        Assert.True(status is 201 or 409, $"{status}: {body}");
    }

    /// <summary>
    /// Visits every view as the new operator <paramref name="login"/> (created here), the case being one texted from
    /// <paramref name="phone"/>, calling <paramref name="check"/> at each with its name.
    /// </summary>
    public static async Task VisitEveryViewAsync(CallTakerBrowserFixture fixture, StaffConsoleScreen screen, string login, string phone, Func<string, Task> check)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        ArgumentNullException.ThrowIfNull(screen);
        ArgumentNullException.ThrowIfNull(check);
        var ticket = await TextAPotholeAsync(fixture, phone);
        await OpenPotholeNearbyAsync(fixture);
        using (var admin = await StaffPeople.AdminAsync(fixture.App, "tour-admin-" + login))
        {
            await StaffPeople.CreateAsync(admin, login, "operator");
        }

        var page = screen.Page;
        await Expect(screen.SignInHeading).ToBeVisibleAsync();
        await check("sign-in");
        await screen.SignInAsync(login, "not-the-password");
        await Expect(screen.Alert).ToBeVisibleAsync();
        await check("sign-in refused");
        await screen.SignInAsync(login, "temporary-" + login);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Choose your own password" })).ToBeVisibleAsync();
        await check("first password");
        await screen.ChangePasswordAsync("temporary-" + login, StaffPeople.OwnPassword);

        await Expect(screen.OpenCaseButton(ticket)).ToBeVisibleAsync();
        await check("list of cases");
        await screen.OpenCaseButton(ticket).ClickAsync();
        await Expect(page.Locator("#conversation-note")).ToContainTextAsync("oldest first");
        await check("case with its conversation");
        await screen.ChangeStatusAsync("in_progress", "A crew is on the way.");
        await Expect(page.Locator("#notice")).ToContainTextAsync("Status changed to in progress");
        await Expect(page.Locator("#case-conversation li[data-direction=update]")).ToHaveCountAsync(1);
        await check("case after a status change");

        await page.GetByRole(AriaRole.Button, new() { Name = "New case (phone call)" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New case (phone call)" })).ToBeVisibleAsync();
        await check("call taker's form");
        await page.Locator("#intake-submit").ClickAsync();
        await Expect(page.Locator("#intake-errors")).ToBeVisibleAsync();
        await check("call taker's form refused");
        await page.GetByLabel("Kind of problem (required)").SelectOptionAsync("PTHOLE");
        await page.Locator("#intake-questions fieldset input[type=radio]").First.CheckAsync();
        await page.GetByLabel("Where: address, intersection or place").FillAsync(DuplicateAddress);
        await page.GetByLabel("Caller's phone", new() { Exact = true }).FillAsync("(413) 555-0151");
        await page.GetByLabel("By text message (SMS) to their phone").CheckAsync();
        await page.GetByLabel("The caller agreed, on this call, to be sent these updates").CheckAsync();
        await page.Locator("#intake-submit").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Already reported nearby?" })).ToBeVisibleAsync();
        await check("call taker's form offering a duplicate");

        await page.GetByRole(AriaRole.Button, new() { Name = "Analytics", Exact = true }).ClickAsync();
        await Expect(page.Locator("#analytics-services-chart")).ToBeVisibleAsync();
        await check("analytics");
    }

    [GeneratedRegex(@"(\d+)\W{0,3}File a new report")]
    private static partial Regex NewReport();

    [GeneratedRegex(@"311-\d{4}-\d{6}")]
    private static partial Regex Ticket();
}
