using System.Text.RegularExpressions;
using ChannelBot.Web.Tests.Conversations;
using ChannelBot.Web.Tests.DirectLine;
using ChannelBot.Web.Tests.Staff;
using ChannelBot.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChannelBot.Web.Tests.Browser;

/// <summary>
/// The console's case actions in Chromium against the real app, one action a test: an operator assigns, recategorises,
/// closes as a duplicate and closes with a reason, and sees a resident who cannot be told marked "cannot notify".
/// </summary>
public sealed partial class StaffConsoleActionTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Assigning_a_crew_shows_it_on_the_case_and_in_the_history()
    {
        var ticket = await FileAPotholeAsync();
        await using var screen = await OpenCaseAsOperatorAsync("assign", ticket);

        await screen.Page.GetByLabel("Crew or person (empty: nobody)").FillAsync("Crew 7");
        await screen.Page.GetByLabel("Internal note", new() { Exact = true }).First.FillAsync("Nearest crew");
        await screen.Page.GetByRole(AriaRole.Button, new() { Name = "Assign", Exact = true }).ClickAsync();

        await Expect(screen.Page.Locator("#notice")).ToContainTextAsync("Assignment saved.");
        await Expect(screen.Page.Locator("#case-facts")).ToContainTextAsync("Crew 7");
        await Expect(screen.History.Filter(new() { HasText = "Nearest crew" })).ToHaveCountAsync(1);
        screen.AssertStayedOnTheApp();
    }

    [Fact]
    public async Task Recategorising_moves_the_case_to_the_new_categorys_department()
    {
        var ticket = await FileAPotholeAsync();
        await using var screen = await OpenCaseAsOperatorAsync("category", ticket);
        await Expect(screen.Page.Locator("#case-facts")).ToContainTextAsync("DPW-STREETS");

        await screen.Page.GetByLabel("Category", new() { Exact = true }).Last.SelectOptionAsync("STLIGHT");
        await screen.Page.GetByRole(AriaRole.Button, new() { Name = "Recategorise", Exact = true }).ClickAsync();

        await Expect(screen.Page.Locator("#notice")).ToContainTextAsync("Filed under Streetlight out.");
        await Expect(screen.CaseTitle).ToContainTextAsync("Streetlight out");
        await Expect(screen.Page.Locator("#case-facts")).ToContainTextAsync("STREET-LIGHTING");
        await Expect(screen.Page.Locator("#case-facts")).Not.ToContainTextAsync("DPW-STREETS");
        screen.AssertStayedOnTheApp();
    }

    [Fact]
    public async Task Marking_a_duplicate_closes_it_and_names_the_original()
    {
        var original = await FileAPotholeAsync();
        var ticket = await FileAPotholeAsync();
        await using var screen = await OpenCaseAsOperatorAsync("duplicate", ticket);

        await screen.Page.GetByLabel("Original ticket").FillAsync(original);
        await screen.Page.GetByRole(AriaRole.Button, new() { Name = "Close as duplicate" }).ClickAsync();

        await Expect(screen.Page.Locator("#notice")).ToContainTextAsync("Closed as a duplicate.");
        var facts = screen.Page.Locator("#case-facts");
        await Expect(facts).ToContainTextAsync("closed (duplicate)");
        await Expect(facts).ToContainTextAsync(original);
        screen.AssertStayedOnTheApp();
    }

    [Fact]
    public async Task Closing_asks_for_a_reason_and_shows_it_on_the_case()
    {
        var ticket = await FileAPotholeAsync();
        await using var screen = await OpenCaseAsOperatorAsync("close", ticket);
        var reason = screen.Page.GetByLabel("Reason for closing");
        await Expect(reason).ToBeHiddenAsync();

        await screen.Page.GetByLabel("New status").SelectOptionAsync("closed");
        await Expect(reason).ToBeVisibleAsync();
        await reason.SelectOptionAsync("referred");
        await screen.Page.GetByRole(AriaRole.Button, new() { Name = "Save status" }).ClickAsync();

        await Expect(screen.Page.Locator("#notice")).ToContainTextAsync("Status changed to closed");
        await Expect(screen.Page.Locator("#case-facts")).ToContainTextAsync("closed (referred)");
        await Expect(screen.History.Filter(new() { HasText = "received → closed" })).ToHaveCountAsync(1);
        screen.AssertStayedOnTheApp();
    }

    [Fact]
    public async Task A_web_reporter_who_left_only_an_email_shows_as_cannot_notify_when_no_email_sender_is_configured()
    {
        var ticket = await FileAWebReportAsync("ana.console@example.org");
        await using var screen = await OpenCaseAsOperatorAsync("notify", ticket);

        await screen.ChangeStatusAsync("in_progress", "We are on it.");

        var row = screen.Messages.Filter(new() { HasText = "We are on it." });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToHaveAttributeAsync("data-status", "failed");
        // The outcome cell is marked as a failure and says why, not just that it failed.
        var outcome = row.Locator("td.status-failed");
        await Expect(outcome).ToContainTextAsync("cannot notify");
        await Expect(outcome).ToContainTextAsync("email: no sender is configured");
        await Expect(outcome).Not.ToContainTextAsync("cannot notify: cannot notify");
        screen.AssertStayedOnTheApp();
    }

    /// <summary>A new operator (its own admin, so tests stay apart) signs in and opens the case by its ticket.</summary>
    private async Task<StaffConsoleScreen> OpenCaseAsOperatorAsync(string name, string ticket)
    {
        using var admin = await StaffPeople.AdminAsync(fixture.App, $"actions-admin-{name}@city.example");
        var login = $"actions-{name}@city.example";
        using var person = await StaffPeople.PersonAsync(admin, fixture.App, login, "operator");
        var screen = await StaffConsoleScreen.OpenAsync(fixture);
        await screen.SignInAsync(login, StaffPeople.OwnPassword);
        await screen.FindAsync(ticket);
        await Expect(screen.CaseTitle).ToContainTextAsync(ticket);
        return screen;
    }

    private async Task<string> FileAPotholeAsync()
    {
        using var connector = new FakeConnector();
        using var http = fixture.App.CreateHttpClient();
        var resident = new EmulatorClient(http, connector, "console-actions-" + Guid.NewGuid().ToString("N"));
        await PotholeScript.StartAsync(resident);
        return Ticket().Match(await PotholeScript.FinishAsync(resident)).Value;
    }

    /// <summary>A pothole reported in web chat (Direct Line) whose answer to "updates?" is <paramref name="contact"/>.</summary>
    private async Task<string> FileAWebReportAsync(string contact)
    {
        using var http = fixture.App.CreateHttpClient();
        await using var resident = await DirectLineResident.OpenAsync(http);
        await resident.NextFromBotAsync();
        foreach (var answer in new[] { "there's a huge pothole in the road", "123 Main St", "next to the curb", "skip", "It is deep enough to damage a tire.", "no", "no photo", "skip", contact })
        {
            await resident.SayAsync(answer);
        }

        var receipt = await resident.SayAsync("yes");
        return Ticket().Match(receipt.Text ?? string.Empty).Value;
    }

    [GeneratedRegex(@"311-\d{4}-\d{6}")]
    private static partial Regex Ticket();
}
