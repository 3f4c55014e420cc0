using ChannelBot.Web.Tests.Staff;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChannelBot.Web.Tests.Browser;

/// <summary>The operator's main task with the keyboard alone: Tab, Shift+Tab, Enter, Space and the arrow keys (and typing into fields).</summary>
public sealed partial class StaffConsoleAccessibilityTests
{
    [Fact]
    public async Task An_operator_signs_in_works_a_case_reads_its_conversation_and_files_a_callers_report_with_the_keyboard_alone()
    {
        const string login = "keyboard-operator@city.example";
        const string note = "A crew is on the way.";
        var ticket = await ConsoleTour.TextAPotholeAsync(fixture, "+14135550171");
        using (var admin = await StaffPeople.AdminAsync(fixture.App, "keyboard-admin@city.example"))
        {
            using var person = await StaffPeople.PersonAsync(admin, fixture.App, login, "operator");
        }

        await using var screen = await StaffConsoleScreen.OpenAsync(fixture);
        var page = screen.Page;
        var keys = page.Keyboard;
        await Expect(screen.SignInHeading).ToBeVisibleAsync();

        await KeyboardOnly.TabToAsync(page, page.GetByLabel("Sign-in name", new() { Exact = true }));
        await keys.TypeAsync(login);
        await KeyboardOnly.TabToAsync(page, page.GetByLabel("Password", new() { Exact = true }));
        await keys.TypeAsync(StaffPeople.OwnPassword);
        await keys.PressAsync("Enter");
        await Expect(screen.CasesHeading).ToBeFocusedAsync();

        // The case from the list (the newest comes first), its status changed.
        await KeyboardOnly.TabToAsync(page, screen.OpenCaseButton(ticket));
        await keys.PressAsync("Enter");
        await Expect(screen.CaseTitle).ToBeFocusedAsync();
        await Expect(screen.CaseTitle).ToContainTextAsync(ticket);
        await Expect(page).ToHaveTitleAsync(ticket + " · Pothole · 311 staff console");
        await KeyboardOnly.TabToAsync(page, page.GetByLabel("New status"));
        await KeyboardOnly.PressUntilAsync(page, "ArrowDown", "node => node.value === 'in_progress'");
        await KeyboardOnly.TabToAsync(page, page.GetByLabel("Public note (the resident sees it)"));
        await keys.TypeAsync(note);
        await KeyboardOnly.TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Save status" }));

        // The status line is a live region already in the page (empty, not display: none) before its news is written.
        var notice = page.Locator("#notice[role=status]");
        Assert.True(await notice.EvaluateAsync<bool>("node => node.textContent === '' && getComputedStyle(node).display !== 'none'"), "The status line is not in the page before the news.");
        await keys.PressAsync("Enter");
        await Expect(notice).ToHaveTextAsync("Status changed to in progress.");

        // The conversation, read by scrolling it with the arrow keys down to the update just sent.
        var conversation = page.GetByRole(AriaRole.Region, new() { Name = "Conversation" });
        await Expect(conversation.Locator("li[data-direction=update]")).ToContainTextAsync(note);
        await KeyboardOnly.TabToAsync(page, conversation);
        await KeyboardOnly.PressUntilAsync(page, "ArrowDown", "node => node.scrollTop + node.clientHeight >= node.scrollHeight - 1");
        await Expect(conversation.Locator("li").Last).ToBeInViewportAsync();
        await Expect(conversation.Locator("li").Last).ToContainTextAsync(note);

        // Back up to the sections and a caller's report.
        await KeyboardOnly.TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "New case (phone call)" }), backwards: true);
        await keys.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New case (phone call)" })).ToBeFocusedAsync();
        await KeyboardOnly.TabToAsync(page, page.GetByLabel("Kind of problem (required)"));
        await KeyboardOnly.PressUntilAsync(page, "ArrowDown", "node => node.value === 'PTHOLE'");
        var where = page.Locator("#intake-questions fieldset input[type=radio]").First;
        await KeyboardOnly.TabToAsync(page, where);
        await keys.PressAsync("Space");
        await Expect(where).ToBeCheckedAsync();
        await KeyboardOnly.TabToAsync(page, page.GetByLabel("Where: address, intersection or place"));
        await keys.TypeAsync("22 Elm St");
        await KeyboardOnly.TabToAsync(page, page.GetByLabel("Caller's phone", new() { Exact = true }));
        await keys.TypeAsync("413-555-0172");
        var bySms = page.GetByLabel("By text message (SMS) to their phone");
        await KeyboardOnly.TabToAsync(page, bySms);
        await keys.PressAsync("Space");
        await Expect(bySms).ToBeCheckedAsync();
        var consent = page.GetByLabel("The caller agreed, on this call, to be sent these updates");
        await KeyboardOnly.TabToAsync(page, consent);
        await keys.PressAsync("Space");
        await Expect(consent).ToBeCheckedAsync();
        await KeyboardOnly.TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "File the case" }));
        await keys.PressAsync("Enter");

        await Expect(page.Locator("#notice")).ToContainTextAsync("Filed as 311-");
        await Expect(page.Locator("#case-facts")).ToContainTextAsync("phone");
        screen.AssertStayedOnTheApp();
    }
}
