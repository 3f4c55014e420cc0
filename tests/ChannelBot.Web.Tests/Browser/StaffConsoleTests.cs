using System.Net;
using System.Text.RegularExpressions;
using ChannelBot.Domain.Cases;
using ChannelBot.Web.Tests.Conversations;
using ChannelBot.Web.Tests.Staff;
using ChannelBot.Web.Tests.Support;
using Microsoft.Playwright;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using static Microsoft.Playwright.Assertions;

namespace ChannelBot.Web.Tests.Browser;

/// <summary>
/// The staff console (/staff) in Chromium against the real app: a resident files a pothole report through the
/// Emulator path (/api/messages, routed to DPW-STREETS), and people created the way a city creates them use the page.
/// </summary>
public sealed partial class StaffConsoleTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string PublicNote = "A crew is on the way.";

    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task An_operator_signs_in_finds_the_case_by_ticket_sets_it_in_progress_and_sees_the_history_and_the_message()
    {
        using var connector = new FakeConnector();
        var ticket = await FileAPotholeAsync(connector);
        using var admin = await StaffPeople.AdminAsync(fixture.App, "console-admin-1@city.example");
        const string login = "olga.console@city.example";
        await StaffPeople.CreateAsync(admin, login, "operator");
        await using var screen = await StaffConsoleScreen.OpenAsync(fixture);

        await screen.SignInAsync(login, "temporary-" + login);
        await screen.ChangePasswordAsync("temporary-" + login, StaffPeople.OwnPassword);
        await Expect(screen.CasesHeading).ToBeVisibleAsync();
        await Expect(screen.OpenCaseButton(ticket)).ToBeVisibleAsync();
        await screen.FindAsync(ticket);
        await Expect(screen.CaseTitle).ToContainTextAsync(ticket);
        await Expect(screen.Page.Locator("#case-location")).ToContainTextAsync("123 Main St");
        await Expect(screen.Page.Locator("#case-facts")).ToContainTextAsync("DPW-STREETS");
        await screen.ChangeStatusAsync("in_progress", PublicNote);

        await Expect(screen.Page.Locator("#notice")).ToContainTextAsync("Status changed to in progress");
        var change = screen.History.Filter(new() { HasText = PublicNote });
        await Expect(change).ToHaveCountAsync(1);
        await Expect(change).ToContainTextAsync("received → in progress");
        await Expect(change).ToContainTextAsync("Person " + login);
        var message = screen.Messages.Filter(new() { HasText = PublicNote });
        await Expect(message).ToHaveCountAsync(1);
        await Expect(message).ToContainTextAsync("emulator");
        // Only the moves the domain allows from in_progress are offered next.
        await Expect(screen.Page.Locator("#status-to option")).ToHaveTextAsync(["fixed", "closed"]);
        // Back in the list (the ticket still in the search field), the case shows its new status.
        await screen.Page.GetByRole(AriaRole.Button, new() { Name = "← Back to the list" }).ClickAsync();
        await Expect(screen.Page.Locator("#cases-body tr", new() { HasText = ticket })).ToContainTextAsync("in progress");
        var policy = await screen.FirstResponse!.HeaderValueAsync("content-security-policy");
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        screen.AssertStayedOnTheApp();
    }

    [Fact]
    public async Task A_department_person_does_not_see_another_departments_case_and_signing_out_returns_to_the_sign_in_form()
    {
        using var connector = new FakeConnector();
        var ticket = await FileAPotholeAsync(connector);
        using var admin = await StaffPeople.AdminAsync(fixture.App, "console-admin-2@city.example");
        using var parks = await StaffPeople.PersonAsync(admin, fixture.App, "pia.console@city.example", "department", "PARKS");
        using var streets = await StaffPeople.PersonAsync(admin, fixture.App, "sol.console@city.example", "department", "DPW-STREETS");
        await using var screen = await StaffConsoleScreen.OpenAsync(fixture);

        await screen.SignInAsync("pia.console@city.example", StaffPeople.OwnPassword);
        await Expect(screen.CasesHeading).ToBeVisibleAsync();
        await Expect(screen.CaseCount).ToContainTextAsync("No case matches.");
        await Expect(screen.OpenCaseButton(ticket)).ToHaveCountAsync(0);
        await Expect(screen.Page.GetByLabel("Department", new() { Exact = true })).ToBeHiddenAsync();
        await screen.FindAsync(ticket);
        await Expect(screen.Alert).ToContainTextAsync("Not allowed");
        await Expect(screen.CaseTitle).ToBeHiddenAsync();

        await screen.SignOutAsync();
        await Expect(screen.SignInHeading).ToBeVisibleAsync();
        await screen.Page.ReloadAsync();
        await Expect(screen.SignInHeading).ToBeVisibleAsync();

        // The same page, the case's own department: the ticket is there.
        await screen.SignInAsync("sol.console@city.example", StaffPeople.OwnPassword);
        await Expect(screen.OpenCaseButton(ticket)).ToBeVisibleAsync();
        await screen.OpenCaseButton(ticket).ClickAsync();
        await Expect(screen.CaseTitle).ToContainTextAsync(ticket);
        screen.AssertStayedOnTheApp();
    }

    [Fact]
    public async Task A_reader_sees_the_photo_as_a_thumbnail_fetched_with_the_session_and_no_actions()
    {
        using var connector = new FakeConnector();
        connector.Server.Given(Request.Create().WithPath("/media/pothole.png").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "image/png").WithBody(Png));
        var ticket = await FileAPotholeAsync(connector, $"{connector.Server.Url}/media/pothole.png");
        await WaitForStoredPhotoAsync(ticket);
        using var admin = await StaffPeople.AdminAsync(fixture.App, "console-admin-3@city.example");
        using var reader = await StaffPeople.PersonAsync(admin, fixture.App, "rita.console@city.example", "reader");
        await using var screen = await StaffConsoleScreen.OpenAsync(fixture);

        await screen.SignInAsync("rita.console@city.example", StaffPeople.OwnPassword);
        await screen.FindAsync(ticket);

        await Expect(screen.CaseTitle).ToContainTextAsync(ticket);
        var thumbnail = screen.Page.GetByAltText("Photo 1 of the case", new() { Exact = true });
        await Expect(thumbnail).ToBeVisibleAsync();
        await screen.Page.WaitForFunctionAsync("image => image.complete && image.naturalWidth > 0", await thumbnail.ElementHandleAsync());
        await Expect(screen.Page.GetByRole(AriaRole.Button, new() { Name = "Save status" })).ToBeHiddenAsync();
        screen.AssertStayedOnTheApp();
    }

    [Fact]
    public async Task A_hostile_photo_opened_in_the_console_and_on_its_own_runs_no_script()
    {
        // A real PNG header followed by a page with a script: it passes as a PNG by its bytes, so it is kept, and must
        // still never run as a page in a staff member's session.
        var polyglot = Png.Concat("<html><body><script>console.log('XSS-RAN');alert('xss')</script></body></html>"u8.ToArray()).ToArray();
        using var connector = new FakeConnector();
        connector.Server.Given(Request.Create().WithPath("/media/polyglot.png").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "text/html").WithBody(polyglot));
        var ticket = await FileAPotholeAsync(connector, $"{connector.Server.Url}/media/polyglot.png");
        await WaitForStoredPhotoAsync(ticket);
        using var admin = await StaffPeople.AdminAsync(fixture.App, "console-admin-5@city.example");
        await using var screen = await StaffConsoleScreen.OpenAsync(fixture);
        var ran = new List<string>();
        screen.Page.Console += (_, message) => ran.Add("console: " + message.Text);
        screen.Page.Dialog += (_, dialog) => ran.Add("dialog: " + dialog.Message);

        await screen.SignInAsync("console-admin-5@city.example", StaffPeople.OwnPassword);
        await screen.FindAsync(ticket);
        var thumbnail = screen.Page.GetByAltText("Photo 1 of the case", new() { Exact = true });
        await Expect(thumbnail).ToBeVisibleAsync();
        var source = await thumbnail.GetAttributeAsync("src");
        var opened = await screen.Page.GotoAsync(new Uri(fixture.App.BaseAddress, source!).ToString());

        Assert.Equal("image/png", await opened!.HeaderValueAsync("content-type"));
        Assert.Equal("nosniff", await opened.HeaderValueAsync("x-content-type-options"));
        Assert.DoesNotContain(ran, r => r.Contains("XSS-RAN", StringComparison.Ordinal) || r.StartsWith("dialog", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_page_carries_its_settings_and_its_markup_template_is_not_served_as_a_file()
    {
        using var http = fixture.App.CreateHttpClient();

        using var page = await http.GetAsync("/staff");
        using var template = await http.GetAsync("/staff/" + Path.GetFileName(ChannelBot.Web.Staff.StaffConsolePage.TemplatePath));
        using var script = await http.GetAsync("/staff/console.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<script type=\"application/json\" id=\"console-settings\">", html, StringComparison.Ordinal);
        Assert.Contains("\"in_progress\":[\"fixed\",\"closed\"]", html, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/staff/console.js\"></script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("~/", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, template.StatusCode);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    private async Task<string> FileAPotholeAsync(FakeConnector connector, string? photoUrl = null)
    {
        using var http = fixture.App.CreateHttpClient();
        var resident = new EmulatorClient(http, connector, "staff-console-" + Guid.NewGuid().ToString("N"));
        await PotholeScript.StartAsync(resident);
        return Ticket().Match(await PotholeScript.FinishAsync(resident, photoUrl)).Value;
    }

    /// <summary>The photo is copied after the case is filed; waits (bounded) until the city's copy is stored.</summary>
    private async Task WaitForStoredPhotoAsync(string ticket)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var saved = Assert.Single(await CaseRows.AllAsync(fixture.App.Services), c => c.Ticket.ToString() == ticket);
            var photo = Assert.Single(saved.Photos);
            if (photo.Status == PhotoStatus.Stored)
            {
                return;
            }

            Assert.True(photo.Status == PhotoStatus.Pending && DateTime.UtcNow < deadline, $"The photo is {photo.Status}: {photo.FailureReason}");
            await Task.Delay(50);
        }
    }

    [GeneratedRegex(@"311-\d{4}-\d{6}")]
    private static partial Regex Ticket();
}
