using ChannelBot.Web.Tests.Staff;
using ChannelBot.Web.Tests.Support;
using Microsoft.Playwright;
using static ChannelBot.Web.Tests.Staff.AnalyticsCases;
using static Microsoft.Playwright.Assertions;

namespace ChannelBot.Web.Tests.Browser;

/// <summary>
/// The analytics view of the staff console in Chromium against the real app: an operator (a supervisor) opens it from
/// the keyboard, sees each chart with its data table and CSV link, picks another period, and axe finds nothing serious;
/// a reader is never offered it.
/// </summary>
public sealed class StaffAnalyticsConsoleTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_supervisor_opens_analytics_from_the_keyboard_and_sees_charts_with_their_tables_and_no_accessibility_violation()
    {
        var now = fixture.Now;
        await FileAsync(fixture.App.Services, "PTHOLE", "DPW-STREETS", now.AddHours(-30), "Ward 1", "sms", 72, At(2, Acknowledge), At(10, Fix));
        await FileAsync(fixture.App.Services, "PTHOLE", "DPW-STREETS", now.AddHours(-20), "Ward 2", "whatsapp", 72);
        await FileAsync(fixture.App.Services, "GRAFFITI", "DPW-GRAFFITI", now.AddDays(-10), "Ward 2", "sms");
        using var admin = await StaffPeople.AdminAsync(fixture.App, "analytics-admin@city.example");
        using var supervisor = await StaffPeople.PersonAsync(admin, fixture.App, "olga.analytics.console@city.example", "operator");
        var axe = await AxeCore.SourceAsync();
        await using var screen = await StaffConsoleScreen.OpenAsync(fixture);

        await screen.SignInAsync("olga.analytics.console@city.example", StaffPeople.OwnPassword);
        await Expect(screen.CasesHeading).ToBeVisibleAsync();
        var open = screen.Page.GetByRole(AriaRole.Button, new() { Name = "Analytics", Exact = true });
        await open.FocusAsync();
        await screen.Page.Keyboard.PressAsync("Enter");

        var page = screen.Page;
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Analytics", Exact = true })).ToBeFocusedAsync();
        await Expect(open).ToHaveAttributeAsync("aria-current", "page");
        var services = page.Locator("#analytics-services-table");
        await Expect(services.Locator("tbody tr").First).ToContainTextAsync("Pothole");
        await Expect(services.Locator("tbody tr").First).ToContainTextAsync("2");
        var chart = page.GetByRole(AriaRole.Img, new() { Name = "Chart: Cases by service. The table below gives the same figures." });
        await Expect(chart).ToBeVisibleAsync();
        Assert.Equal("CANVAS", await chart.EvaluateAsync<string>("node => node.tagName"));
        Assert.True(await chart.EvaluateAsync<bool>("node => !!window.Chart && window.Chart.getChart(node)?.data.datasets[0].data.length === 2"), "Chart.js drew no chart of two services on the canvas.");
        await Expect(page.Locator("#analytics-backlog-table tbody tr")).ToHaveCountAsync(4);
        await Expect(page.Locator("#analytics-times-table")).ToContainTextAsync("Pothole");
        var csv = page.GetByRole(AriaRole.Link, new() { Name = "Download cases by service (CSV)" });
        var href = await csv.GetAttributeAsync("href");
        Assert.Matches(@"^/api/staff/analytics/services\.csv\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$", href);
        var violations = await AxeCore.SeriousViolationsAsync(page, axe, "/staff analytics");

        // Another period, typed and sent with the keyboard: only the last week's cases remain.
        var to = await page.Locator("#analytics-to").InputValueAsync();
        var weekAgo = DateOnly.ParseExact(to, "yyyy-MM-dd").AddDays(-6).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var from = page.Locator("#analytics-from");
        await from.FillAsync(weekAgo);
        await from.PressAsync("Enter");
        await Expect(page.Locator("#analytics-summary")).ToContainTextAsync("2 cases filed from " + weekAgo);
        await Expect(page.Locator("#analytics-services-table")).Not.ToContainTextAsync("Graffiti");

        Assert.True(violations.Count == 0, "axe found serious or critical violations:\n" + string.Join('\n', violations));
        screen.AssertStayedOnTheApp();
    }

    [Fact]
    public async Task A_reader_is_not_offered_analytics()
    {
        using var admin = await StaffPeople.AdminAsync(fixture.App, "analytics-admin-2@city.example");
        using var reader = await StaffPeople.PersonAsync(admin, fixture.App, "rita.analytics.console@city.example", "reader");
        await using var screen = await StaffConsoleScreen.OpenAsync(fixture);

        await screen.SignInAsync("rita.analytics.console@city.example", StaffPeople.OwnPassword);

        await Expect(screen.CasesHeading).ToBeVisibleAsync();
        await Expect(screen.Page.GetByRole(AriaRole.Button, new() { Name = "Analytics", Exact = true })).ToBeHiddenAsync();
        screen.AssertStayedOnTheApp();
    }
}
