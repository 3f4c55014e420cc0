using ChannelBot.Web.Tests.Conversations;
using ChannelBot.Web.Tests.Staff;
using ChannelBot.Web.Tests.Support;
using Microsoft.Playwright;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using static Microsoft.Playwright.Assertions;

namespace ChannelBot.Web.Tests.Browser;

/// <summary>The case's conversation on the case page: the resident's and the bot's messages in order, the photo inline, hostile text as text.</summary>
public sealed partial class StaffConsoleTests
{
    private const string Hostile = "<img src=x onerror=\"console.log('XSS-RAN');alert(1)\"> deep <script>console.log('XSS-RAN')</script> hole";

    [Fact]
    public async Task The_case_page_shows_the_conversation_in_order_with_the_photo_inline_and_hostile_text_as_text()
    {
        using var connector = new FakeConnector();
        connector.Server.Given(Request.Create().WithPath("/media/conversation.png").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "image/png").WithBody(Png));
        using var http = fixture.App.CreateHttpClient();
        var resident = new EmulatorClient(http, connector, "staff-conversation-" + Guid.NewGuid().ToString("N"));
        await PotholeScript.StartAsync(resident);
        await resident.SayAsync("next to the curb");
        await resident.SayAsync("skip");
        await resident.SayAsync(Hostile);
        await resident.SayAsync("no");
        await resident.SendPhotoAsync($"{connector.Server.Url}/media/conversation.png");
        await resident.SayAsync("done");
        await resident.SayAsync("skip");
        await resident.SayAsync("yes");
        var ticket = Ticket().Match((await resident.SayAsync("send it")).Text ?? string.Empty).Value;
        await WaitForStoredPhotoAsync(ticket);
        using var admin = await StaffPeople.AdminAsync(fixture.App, "console-admin-6@city.example");
        await StaffPeople.CreateAsync(admin, "olga.conversation@city.example", "operator");
        var axe = await AxeCore.SourceAsync();
        await using var screen = await StaffConsoleScreen.OpenAsync(fixture);
        var ran = new List<string>();
        screen.Page.Console += (_, message) => ran.Add("console: " + message.Text);
        screen.Page.Dialog += (_, dialog) => ran.Add("dialog: " + dialog.Message);

        await screen.SignInAsync("olga.conversation@city.example", "temporary-olga.conversation@city.example");
        await screen.ChangePasswordAsync("temporary-olga.conversation@city.example", StaffPeople.OwnPassword);
        await screen.FindAsync(ticket);
        await Expect(screen.CaseTitle).ToContainTextAsync(ticket);

        var page = screen.Page;
        var conversation = page.GetByRole(AriaRole.Region, new() { Name = "Conversation" });
        var messages = conversation.GetByRole(AriaRole.Listitem);
        var fromResident = conversation.Locator("li[data-direction=resident]");
        string[] said = ["hi", "there's a huge pothole in the road", "123 Main St", "next to the curb", "skip", Hostile, "no", "", "done", "skip", "yes", "send it"];
        await Expect(fromResident).ToHaveCountAsync(said.Length);
        for (var i = 0; i < said.Length; i++)
        {
            await Expect(fromResident.Nth(i)).ToContainTextAsync("Resident");
            if (said[i].Length > 0)
            {
                await Expect(fromResident.Nth(i).Locator(".conversation__text")).ToHaveTextAsync(said[i]);
            }
        }

        // Each of the resident's messages is followed by the bot's answer; the last is the receipt with the ticket.
        var directions = await messages.EvaluateAllAsync<string[]>("items => items.map(i => i.getAttribute('data-direction'))");
        Assert.Equal("resident", directions[0]);
        for (var i = 0; i < directions.Length - 1; i++)
        {
            if (directions[i] == "resident")
            {
                Assert.Equal("bot", directions[i + 1]);
            }
        }

        await Expect(messages.Last).ToContainTextAsync(ticket);
        await Expect(messages.Last).ToContainTextAsync("Bot");
        await Expect(page.Locator("#conversation-note")).ToContainTextAsync($"{directions.Length} messages, oldest first.");

        // The photo inline, where the resident sent it, loaded from the case's own copy with the session.
        var thumbnail = conversation.GetByAltText("Photo 1 of the case, the resident sent (opens the full photo)");
        await Expect(thumbnail).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("image => image.complete && image.naturalWidth > 0", await thumbnail.ElementHandleAsync());
        Assert.Equal($"/api/cases/{ticket}/photos/1", await thumbnail.GetAttributeAsync("src"));
        await Expect(fromResident.Nth(7).GetByRole(AriaRole.Img)).ToHaveCountAsync(1);

        // The hostile text is text: no element of it exists, nothing ran.
        await Expect(conversation.Locator("img[src=x], script")).ToHaveCountAsync(0);
        Assert.DoesNotContain(ran, r => r.Contains("XSS-RAN", StringComparison.Ordinal) || r.StartsWith("dialog", StringComparison.Ordinal));

        // Keyboard: the transcript is a focusable region (it scrolls), the photo link and the reload button are reached by Tab.
        await conversation.FocusAsync();
        await Expect(conversation).ToBeFocusedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Reload conversation" }).FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(conversation).ToBeFocusedAsync();
        var violations = await AxeCore.SeriousViolationsAsync(page, axe, "/staff case with its conversation");

        // A status change reloads it: the update to the resident comes last.
        await screen.ChangeStatusAsync("in_progress", PublicNote);
        var update = conversation.Locator("li[data-direction=update]");
        await Expect(update).ToHaveCountAsync(1);
        await Expect(update).ToContainTextAsync(PublicNote);
        await Expect(update).ToContainTextAsync("Update to the resident");
        await Expect(messages.Last).ToContainTextAsync(PublicNote);

        Assert.True(violations.Count == 0, "axe found serious or critical violations:\n" + string.Join('\n', violations));
        Assert.DoesNotContain(ran, r => r.Contains("XSS-RAN", StringComparison.Ordinal) || r.StartsWith("dialog", StringComparison.Ordinal));
        screen.AssertStayedOnTheApp();
    }
}
