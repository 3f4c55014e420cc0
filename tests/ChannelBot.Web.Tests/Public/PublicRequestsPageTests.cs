using ChannelBot.Domain.Cases;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChannelBot.Web.Tests.Public;

/// <summary>
/// /requests in Chromium against the real app: cases filed through the app's database (located on the sample city's
/// map) show on the list and as markers on a map drawn from the city's own files, the filters (plain GET) change the
/// list and the map, a ticket page opens from the list, and no page holds the reporter's name, phone or email, a
/// description they did not agree to show, an internal note or a staff member's name.
/// </summary>
public sealed class PublicRequestsPageTests(PublicRequestsBrowserFixture fixture) : IClassFixture<PublicRequestsBrowserFixture>
{
    [Fact]
    public async Task A_new_case_is_on_the_list_and_the_map_the_filters_change_both_and_its_page_shows_nothing_personal()
    {
        var pothole = PublicCase.Pothole("1231 N Main St", "Huge hole, my neighbour Ofelia at number 1229 hit it twice", descriptionPublic: false) with
        {
            ReporterName = "Ofelia Brightwater",
            ReporterPhone = "+15550001231",
            ChannelUserId = "+15550001231",
            ReporterEmail = "ofelia.brightwater@example.org",
            Moves = [(CaseStatus.Acknowledged, PublicPrivacy.StaffName, "A crew will look at it this week.", PublicPrivacy.InternalNote)],
        };
        var light = PublicCase.Streetlight("364 Maple St", "The light on the corner pole flickers all night.", descriptionPublic: true) with
        {
            ReporterName = "Teodoro Lumen",
            ReporterPhone = "+15550000364",
            ChannelUserId = "+15550000364",
            ReporterEmail = "teodoro.lumen@example.org",
        };
        var graffiti = PublicCase.Graffiti("1351 State St", "Tags on the bus shelter, call me at 555 000 1351", descriptionPublic: false) with
        {
            ReporterName = "Grace Sprayfree",
            ReporterPhone = "+15550001351",
            ChannelUserId = "+15550001351",
            ReporterEmail = "grace.sprayfree@example.org",
            Moves = [(CaseStatus.Fixed, PublicPrivacy.StaffName, "Painted over.", PublicPrivacy.InternalNote)],
        };
        var filedPothole = await PublicCases.FileAsync(fixture.Services, pothole);
        var filedLight = await PublicCases.FileAsync(fixture.Services, light);
        var filedGraffiti = await PublicCases.FileAsync(fixture.Services, graffiti);
        Assert.Equal("Ward 3", filedPothole.Location.Area);
        Assert.Equal("Ward 1", filedLight.Location.Area);
        string Ticket(Case c) => c.Ticket.ToString();
        await using var screen = await PublicRequestsScreen.OpenAsync(fixture);
        var page = screen.Page;
        ILocator Row(Case c) => page.Locator($"#requests-table tbody tr[data-ticket='{Ticket(c)}']");
        ILocator Marker(Case c) => page.Locator($"#requests-map .leaflet-marker-icon[data-ticket='{Ticket(c)}']");
        var seen = new List<string>();

        await page.GotoAsync("/requests");

        // On the list: the service, the status in the bot's words, the place at block level, the ward.
        await Expect(Row(filedPothole)).ToContainTextAsync("Pothole");
        await Expect(Row(filedPothole)).ToContainTextAsync("Reviewed and sent to the right department");
        await Expect(Row(filedPothole)).ToContainTextAsync("1200 block of N Main St");
        await Expect(Row(filedPothole)).ToContainTextAsync("Ward 3");
        await Expect(Row(filedLight)).ToContainTextAsync("300 block of Maple St");
        await Expect(Row(filedGraffiti)).ToContainTextAsync("Fixed");
        // On the map: drawn from the city's own files (its wards labelled), a marker per case, named for screen readers.
        await Expect(page.Locator("#map-section")).ToBeVisibleAsync();
        await Expect(page.Locator(".pr-ward-label", new() { HasText = "Ward 3" })).ToBeVisibleAsync();
        await Expect(Marker(filedPothole)).ToBeVisibleAsync();
        await Expect(Marker(filedPothole)).ToHaveAttributeAsync("aria-label", $"{Ticket(filedPothole)}, Pothole, Reviewed and sent to the right department, 1200 block of N Main St");
        await Expect(Marker(filedLight)).ToBeVisibleAsync();
        await Expect(page.Locator("#requests-map canvas")).ToHaveCountAsync(1);   // streets, wards, boundary: one canvas
        await Marker(filedPothole).ClickAsync();
        await Expect(page.Locator(".leaflet-popup-content")).ToContainTextAsync($"See request {Ticket(filedPothole)}");
        seen.Add(await page.ContentAsync());

        // Service: only streetlights, on the list and on the map.
        await page.GetByLabel("Service").SelectOptionAsync("STLIGHT");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show requests" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"service=STLIGHT"));
        await Expect(Row(filedLight)).ToBeVisibleAsync();
        await Expect(Row(filedPothole)).ToHaveCountAsync(0);
        await Expect(Row(filedGraffiti)).ToHaveCountAsync(0);
        await Expect(Marker(filedLight)).ToBeVisibleAsync();
        await Expect(Marker(filedPothole)).ToHaveCountAsync(0);
        seen.Add(await page.ContentAsync());

        // Status: closed or fixed, any service.
        await page.GetByLabel("Service").SelectOptionAsync(string.Empty);
        await page.GetByLabel("Status").SelectOptionAsync("closed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show requests" }).ClickAsync();
        await Expect(Row(filedGraffiti)).ToBeVisibleAsync();
        await Expect(Row(filedPothole)).ToHaveCountAsync(0);
        await Expect(Row(filedLight)).ToHaveCountAsync(0);
        await Expect(Marker(filedGraffiti)).ToBeVisibleAsync();
        await Expect(Marker(filedLight)).ToHaveCountAsync(0);

        // Area: Ward 3, any status.
        await page.GetByLabel("Status").SelectOptionAsync(string.Empty);
        await page.GetByLabel("Area").SelectOptionAsync("Ward 3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show requests" }).ClickAsync();
        await Expect(Row(filedPothole)).ToBeVisibleAsync();
        await Expect(Row(filedLight)).ToHaveCountAsync(0);
        await Expect(Row(filedGraffiti)).ToHaveCountAsync(0);
        await Expect(Marker(filedPothole)).ToBeVisibleAsync();
        await Expect(Marker(filedLight)).ToHaveCountAsync(0);
        seen.Add(await page.ContentAsync());

        // The ticket page, from the list: the public history only.
        await Row(filedPothole).GetByRole(AriaRole.Link, new() { Name = Ticket(filedPothole) }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Pothole: request {Ticket(filedPothole)}");
        await Expect(page.Locator("#request-place")).ToHaveTextAsync("1200 block of N Main St");
        await Expect(page.Locator("#request-history li")).ToHaveCountAsync(2);
        await Expect(page.Locator("#request-history")).ToContainTextAsync("A crew will look at it this week.");
        await Expect(page.Locator("#request-description")).ToHaveCountAsync(0);
        await Expect(page.Locator("#requests-map .leaflet-marker-icon")).ToHaveCountAsync(1);
        seen.Add(await page.ContentAsync());

        // The agreed description is on its own page.
        await page.GotoAsync($"/requests/{Ticket(filedLight)}");
        await Expect(page.Locator("#request-description")).ToHaveTextAsync(light.Description);
        seen.Add(await page.ContentAsync());
        await page.GotoAsync($"/requests/{Ticket(filedGraffiti)}");
        await Expect(page.Locator("#request-status")).ToHaveTextAsync("Fixed");
        seen.Add(await page.ContentAsync());

        foreach (var html in seen)
        {
            PublicPrivacy.AssertHoldsNothingPersonal(html, pothole, light, graffiti);
        }

        Assert.Contains(screen.Requests, url => url.EndsWith("/requests/map/streets.geojson", StringComparison.Ordinal));
        Assert.Contains(screen.Requests, url => url.EndsWith("/requests/map/areas.geojson", StringComparison.Ordinal));
        Assert.Contains(screen.Requests, url => url.EndsWith("/requests/map/boundary.geojson", StringComparison.Ordinal));
        screen.AssertStayedOnTheApp();
        screen.AssertNoErrors();
    }

    [Fact]
    public async Task The_filters_the_list_and_a_ticket_page_work_with_the_keyboard_alone()
    {
        var light = await PublicCases.FileAsync(fixture.Services, PublicCase.Streetlight("507 Maple St", "Dark corner, keyboard test."));
        var ticket = light.Ticket.ToString();
        await using var screen = await PublicRequestsScreen.OpenAsync(fixture);
        var page = screen.Page;
        await page.GotoAsync("/requests");

        // The first Tab reaches the skip link, which takes the focus to the list.
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator(".pr-skip")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#requests-list")).ToBeFocusedAsync();

        // The service filter, chosen and sent with keys only.
        await page.GetByLabel("Service").FocusAsync();
        await page.GetByLabel("Service").SelectOptionAsync("STLIGHT");   // what the arrow keys do on a focused select
        foreach (var next in new[] { "Status", "Area", "Reported in" })
        {
            await page.Keyboard.PressAsync("Tab");
            await Expect(page.GetByLabel(next)).ToBeFocusedAsync();
        }

        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Show requests" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"service=STLIGHT"));

        // The ticket link, focused and followed with Enter.
        var link = page.Locator($"#requests-table tr[data-ticket='{ticket}'] a");
        await link.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(ticket);

        // A marker on the list's map is a button that opens its popup with Enter.
        await page.GotoAsync("/requests?service=STLIGHT");
        var marker = page.Locator($"#requests-map .leaflet-marker-icon[data-ticket='{ticket}']");
        await Expect(marker).ToHaveAttributeAsync("tabindex", "0");
        await marker.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".leaflet-popup-content")).ToContainTextAsync($"See request {ticket}");
        screen.AssertNoErrors();
    }
}
