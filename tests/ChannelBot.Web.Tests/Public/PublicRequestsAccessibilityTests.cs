using ChannelBot.Domain.Cases;
using ChannelBot.Web.Tests.Browser;
using ChannelBot.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChannelBot.Web.Tests.Public;

/// <summary>
/// axe-core 4.14.1 (node/package-lock.json, installed by node/install.sh; run by <see cref="AxeCore"/>) run in Chromium on the public pages, the map
/// drawn: the list in English and in Spanish with a filter, a ticket page with its history, description and map, an
/// empty result and an unknown ticket. No violation of any impact (WCAG 2.0/2.1 A and AA rules and axe's best
/// practices), at a desktop's width and at 320 CSS px, where no page scrolls sideways (WCAG 1.4.10) either.
/// </summary>
public sealed class PublicRequestsAccessibilityTests(PublicRequestsBrowserFixture fixture) : IClassFixture<PublicRequestsBrowserFixture>
{
    [Fact]
    public async Task The_list_a_ticket_page_and_the_spanish_page_have_no_accessibility_violation_and_reflow_on_a_phone()
    {
        var axe = await AxeCore.SourceAsync();
        var pothole = await PublicCases.FileAsync(fixture.Services, PublicCase.Pothole("1231 N Main St", "A deep hole in the right lane.", descriptionPublic: true) with
        {
            Moves = [(CaseStatus.Scheduled, PublicPrivacy.StaffName, "Scheduled for Thursday.", PublicPrivacy.InternalNote)],
        });
        await PublicCases.FileAsync(fixture.Services, PublicCase.Graffiti("1351 State St", "Tags.") with { Moves = [(CaseStatus.Fixed, PublicPrivacy.StaffName, null, null)] });
        await PublicCases.FileAsync(fixture.Services, PublicCase.Streetlight("Somewhere behind the old mill", "Dark.") with { Typed = true });
        await using var screen = await PublicRequestsScreen.OpenAsync(fixture);
        var page = screen.Page;
        var found = new List<string>();

        // At the screen's own width, then on a phone 320 CSS px wide, where the pages must not scroll sideways either.
        foreach (var width in new[] { 0, 320 })
        {
            if (width > 0)
            {
                await page.SetViewportSizeAsync(width, 640);
            }

            foreach (var (path, map) in new[]
            {
                ("/requests", true),
                ("/requests?lang=es&status=open", true),
                ($"/requests/{pothole.Ticket}", true),
                ("/requests?service=DEADANML&period=7", false),
                ("/requests/311-2026-999999", false),   // last: its 404 is the one error the page may log
            })
            {
                if (width == 0 && path.EndsWith("999999", StringComparison.Ordinal))
                {
                    screen.AssertNoErrors();
                }

                await page.GotoAsync(path);
                if (map)
                {
                    await Expect(page.Locator("#requests-map .leaflet-marker-icon").First).ToBeVisibleAsync();
                }

                var where = width > 0 ? $"{path} at {width} px" : path;
                found.AddRange(await AxeCore.AllViolationsAsync(page, axe, where));
                if (width > 0)
                {
                    found.AddRange(await Reflow.ProblemsAsync(page, where));
                }
            }
        }

        Assert.True(found.Count == 0, "axe found violations:\n" + string.Join('\n', found));
    }
}
