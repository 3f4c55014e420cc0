using ChannelBot.Web.Tests.Support;
using Microsoft.Playwright;

namespace ChannelBot.Web.Tests.Browser;

/// <summary>
/// The staff console against WCAG 2.1 AA in Chromium, every view with real data in it (<see cref="ConsoleTour"/>):
/// axe-core finds no violation of any impact at a desktop's width, and at 320 CSS px (a phone; 1280 px at 400 %) and
/// 640 CSS px (1280 px at 200 % zoom) the page never scrolls sideways, every control lies inside the window and axe
/// still finds nothing; and an operator does the day's work with the keyboard alone, the focus always in sight.
/// </summary>
public sealed partial class StaffConsoleAccessibilityTests(CallTakerBrowserFixture fixture) : IClassFixture<CallTakerBrowserFixture>
{
    [Fact]
    public async Task Every_view_of_the_console_with_cases_in_it_has_no_accessibility_violation()
    {
        var axe = await AxeCore.SourceAsync();
        await using var screen = await StaffConsoleScreen.OpenAsync(fixture);
        var found = new List<string>();

        await ConsoleTour.VisitEveryViewAsync(fixture, screen, "axe-tour@city.example", "+14135550161", async view =>
            found.AddRange(await AxeCore.AllViolationsAsync(screen.Page, axe, view)));

        Assert.True(found.Count == 0, "axe found violations:\n" + string.Join('\n', found));
        screen.AssertStayedOnTheApp();
    }

    [Theory]
    [InlineData(320, 640)]
    [InlineData(640, 450)]
    public async Task Every_view_of_the_console_reflows_on_a_narrow_window_with_its_controls_in_reach(int width, int height)
    {
        var axe = await AxeCore.SourceAsync();
        await using var screen = await StaffConsoleScreen.OpenAsync(fixture);
        await screen.Page.SetViewportSizeAsync(width, height);
        var found = new List<string>();

        await ConsoleTour.VisitEveryViewAsync(fixture, screen, $"reflow-{width}@city.example", $"+141355501{width / 10}", async view =>
        {
            var where = $"{view} at {width} px";
            found.AddRange(await Reflow.ProblemsAsync(screen.Page, where));
            found.AddRange(await AxeCore.AllViolationsAsync(screen.Page, axe, where));
        });

        Assert.True(found.Count == 0, "At " + width + " px:\n" + string.Join('\n', found));
        screen.AssertStayedOnTheApp();
    }
}
