using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChannelBot.Web.Tests.Browser;

/// <summary>
/// One phone of the sandbox page (<c>#phone-sms</c>, <c>#phone-whatsapp</c>, <c>#phone-messenger</c>), used as a
/// newcomer would: type and send, attach a photo, send the location, tap a quick reply. Each action waits until the
/// phone shows one more message from the city containing the expected text (never a sleep).
/// </summary>
public sealed class SandboxPhone(IPage page, string name)
{
    private readonly ILocator _phone = page.Locator("#phone-" + name);

    public ILocator CityBubbles => _phone.Locator(".phone__bubble--bot");

    public ILocator ResidentBubbles => _phone.Locator(".phone__bubble--resident");

    public ILocator QuickReplies => _phone.Locator(".phone__quick-reply");

    public ILocator Status => _phone.Locator(".phone__status");

    /// <summary>Becomes the resident <paramref name="address"/> (a phone number or a PSID).</summary>
    public async Task BecomeAsync(string address)
    {
        var field = _phone.Locator(".phone__address");
        await field.FillAsync(address);
        await field.DispatchEventAsync("change");
    }

    public Task SayAsync(string text, string expected) => ExpectReplyAsync(
        async () =>
        {
            await _phone.Locator(".phone__text").FillAsync(text);
            await _phone.Locator(".phone__text").PressAsync("Enter");
        },
        expected);

    public Task SendPhotoAsync(FilePayload photo, string expected) => ExpectReplyAsync(
        async () =>
        {
            await _phone.Locator(".phone__photo").SetInputFilesAsync(photo);
            await Expect(_phone.Locator(".phone__attached")).ToContainTextAsync(photo.Name);
            await _phone.Locator(".phone__send").ClickAsync();
        },
        expected);

    public Task SendLocationAsync(string expected) =>
        ExpectReplyAsync(() => _phone.Locator(".phone__send-location").ClickAsync(), expected);

    public Task TapAsync(string title, string expected) =>
        ExpectReplyAsync(() => QuickReplies.Filter(new() { HasText = title }).ClickAsync(), expected);

    /// <summary>What the phone shows, one line per message, then its quick replies and its status line.</summary>
    public async Task<string> TranscriptAsync()
    {
        var lines = await _phone.Locator(".phone__bubble").AllInnerTextsAsync();
        var replies = await QuickReplies.AllInnerTextsAsync();
        return string.Join("\n", lines.Select(l => "- " + l.ReplaceLineEndings(" / ")))
            + "\n[quick replies: " + string.Join(" | ", replies) + "]\n[status: " + await Status.InnerTextAsync() + "]";
    }

    /// <summary>Does <paramref name="act"/> and waits until one more message from the city containing <paramref name="expected"/> is shown.</summary>
    public async Task ExpectReplyAsync(Func<Task> act, string expected)
    {
        ArgumentNullException.ThrowIfNull(act);
        var matching = CityBubbles.Filter(new() { HasText = expected });
        var before = await matching.CountAsync();
        await act();
        try
        {
            await Expect(matching).ToHaveCountAsync(before + 1);
        }
        catch (PlaywrightException exception)
        {
            throw new PlaywrightException($"No new message containing '{expected}'. The {name} phone shows:\n{await TranscriptAsync()}", exception);
        }

        await Expect(Status).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("phone__status--error"));
    }
}
