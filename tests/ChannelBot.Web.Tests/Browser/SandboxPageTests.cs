using System.Text.RegularExpressions;
using ChannelBot.Domain.Cases;
using ChannelBot.Web.Tests.Support;
using ChannelBot.Web.Tests.Twilio;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChannelBot.Web.Tests.Browser;

/// <summary>
/// The sandbox page <c>/sandbox</c> in a real browser against the real app in Development: a newcomer files a pothole
/// report on each phone. Every phone goes through the app's real webhooks (signed with the development secrets) and
/// reads the bot's answers from the fake Twilio and Graph APIs inside the app; no request leaves the app.
/// </summary>
public sealed partial class SandboxPageTests(SandboxBrowserFixture fixture) : IClassFixture<SandboxBrowserFixture>
{
    private static readonly FilePayload Photo = new()
    {
        Name = "pothole.png",
        MimeType = "image/png",
        Buffer = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="),
    };

    [Fact]
    public async Task The_sandbox_SMS_phone_files_a_report()
    {
        await using var newcomer = await WebChatPage.OpenAsync(fixture, path: "/sandbox");
        var sms = new SandboxPhone(newcomer.Page, "sms");
        await sms.BecomeAsync("+15555550131");

        foreach (var text in SmsScript.Texts[..^1])
        {
            await sms.ExpectReplyAsync(() => SayOnlyAsync(newcomer.Page, "sms", text), string.Empty);
        }

        await sms.SayAsync(SmsScript.Texts[^1], "Report 311-");
        await Expect(sms.CityBubbles.Last).ToContainTextAsync(Ticket());
        await Expect(sms.ResidentBubbles).ToHaveCountAsync(SmsScript.Texts.Length);
        await Expect(sms.ResidentBubbles.First).ToContainTextAsync(SmsScript.Texts[0]);
        var saved = await CaseOfAsync("+15555550131");
        Assert.Equal("sms", saved.Reporter.ChannelId);
        newcomer.AssertStayedOnTheApp();
        newcomer.AssertNoErrors();
    }

    [Fact]
    public async Task The_sandbox_WhatsApp_phone_files_a_report_with_a_location_pin_and_a_photo()
    {
        await using var newcomer = await WebChatPage.OpenAsync(fixture, path: "/sandbox");
        var whatsApp = new SandboxPhone(newcomer.Page, "whatsapp");
        await whatsApp.BecomeAsync("+15555550132");

        await whatsApp.SayAsync("there is a big pothole", "Where is it?");
        await SendPinPastAnyOpenReportAsync(whatsApp, (phone, reply) => phone.SayAsync("2", reply));
        await whatsApp.SayAsync("2", "Is it any of these?");
        await whatsApp.SayAsync("5", "Anything else the crew should know?");
        await whatsApp.SayAsync("A deep hole next to the curb", "public map");
        await whatsApp.SayAsync("no", "send a photo");
        await whatsApp.SendPhotoAsync(Photo, "Thanks for the photo.");
        await whatsApp.SayAsync("skip", "updates");
        await whatsApp.SayAsync("yes", "Shall I send it to the city?");
        await whatsApp.SayAsync("1", "311-");

        await Expect(whatsApp.CityBubbles.Last).ToContainTextAsync(Ticket());
        await Expect(whatsApp.ResidentBubbles.Filter(new() { HasText = "[photo: pothole.png]" })).ToHaveCountAsync(1);
        var saved = await CaseOfAsync("whatsapp:+15555550132");
        Assert.Equal(39.9242266, saved.Location.Latitude!.Value, 6);
        Assert.Equal(-83.8088171, saved.Location.Longitude!.Value, 6);
        var photo = await StoredPhotoAsync("whatsapp:+15555550132");
        Assert.Equal(Photo.Buffer.Length, photo.SizeBytes);
        newcomer.AssertStayedOnTheApp();
        newcomer.AssertNoErrors();
    }

    [Fact]
    public async Task The_sandbox_Messenger_phone_files_a_report_by_tapping_quick_replies()
    {
        await using var newcomer = await WebChatPage.OpenAsync(fixture, path: "/sandbox");
        var messenger = new SandboxPhone(newcomer.Page, "messenger");
        await messenger.BecomeAsync("6512300000000133");

        await messenger.SayAsync("there's a huge pothole in the road", "Where is it?");
        await SendPinPastAnyOpenReportAsync(messenger, (phone, reply) => phone.TapAsync("File a new report", reply));
        await Expect(messenger.QuickReplies).ToHaveTextAsync(["Traffic lane", "Next to the curb", "Crosswalk", "Bike lane", "Intersection"]);
        await messenger.TapAsync("Traffic lane", "Is it any of these?");
        await messenger.TapAsync("Skip", "Anything else the crew should know?");
        await messenger.TapAsync("Skip", "public map");
        await messenger.TapAsync("No", "send a photo");
        await messenger.SendPhotoAsync(Photo, "Thanks for the photo.");
        await messenger.TapAsync("Skip", "updates");
        await messenger.TapAsync("Yes", "For later updates");
        await messenger.TapAsync("Skip", "Shall I send it to the city?");
        await messenger.TapAsync("Send report", "311-");

        await Expect(messenger.CityBubbles.Last).ToContainTextAsync(Ticket());
        await Expect(messenger.ResidentBubbles.Filter(new() { HasText = "Traffic lane" })).ToHaveCountAsync(1);
        await Expect(messenger.QuickReplies).ToHaveCountAsync(0);
        var saved = await CaseOfAsync("6512300000000133");
        Assert.Equal("facebook", saved.Reporter.ChannelId);
        var photo = await StoredPhotoAsync("6512300000000133");
        Assert.Equal(Photo.Buffer.Length, photo.SizeBytes);
        newcomer.AssertStayedOnTheApp();
        newcomer.AssertNoErrors();
    }

    [Fact]
    public async Task The_sandbox_page_shows_the_web_chat_next_to_the_three_phones()
    {
        await using var newcomer = await WebChatPage.OpenAsync(fixture, path: "/sandbox");

        await Expect(newcomer.Page.Locator("h2")).ToHaveTextAsync(["Web chat", "SMS", "WhatsApp", "Messenger"]);
        var chat = newcomer.Page.FrameLocator("#sandbox-webchat");
        await Expect(chat.Locator(".webchat__bubble").Filter(new() { HasText = "What would you like to report?" })).ToHaveCountAsync(1);
        await Expect(newcomer.Page.Locator("#phone-sms .phone__address")).ToHaveValueAsync("+15555550123");
        await Expect(newcomer.Page.Locator("#phone-sms .phone__send-location")).ToHaveCountAsync(0);
        await Expect(newcomer.Page.Locator(".phone__off:visible")).ToHaveCountAsync(0);
        newcomer.AssertStayedOnTheApp();
        newcomer.AssertNoErrors();
    }

    /// <summary>Types and sends without saying what the answer holds (SMS questions are numbered lists).</summary>
    private static async Task SayOnlyAsync(IPage page, string phone, string text)
    {
        await page.Locator($"#phone-{phone} .phone__text").FillAsync(text);
        await page.Locator($"#phone-{phone} .phone__text").PressAsync("Enter");
    }

    private async Task<Case> CaseOfAsync(string resident) =>
        Assert.Single(await CaseRows.AllAsync(fixture.App.Services), c => c.Reporter.ChannelUserId == resident);

    /// <summary>Waits until the case's photo has been fetched from the sandbox's media URL (or refused) by the photo collector.</summary>
    private async Task<CasePhoto> StoredPhotoAsync(string resident)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var photo = Assert.Single((await CaseOfAsync(resident)).Photos);
            if (photo.Status != PhotoStatus.Pending)
            {
                Assert.Equal(PhotoStatus.Stored, photo.Status);
                return photo;
            }

            Assert.True(DateTime.UtcNow < deadline, "The photo was still pending after 30 s.");
            await Task.Delay(50);
        }
    }

    [GeneratedRegex(@"311-\d{4}-\d{6}")]
    private static partial Regex Ticket();

    /// <summary>
    /// Shares the sandbox phone's pin; the other sandbox tests report potholes at the same pin, so the open one may be
    /// offered first ("Is it this one?"): then the resident files a new report.
    /// </summary>
    private static async Task SendPinPastAnyOpenReportAsync(SandboxPhone phone, Func<SandboxPhone, string, Task> fileNew)
    {
        await phone.SendLocationAsync(string.Empty);
        if ((await phone.CityBubbles.Last.InnerTextAsync()).Contains("Is it this one?", StringComparison.Ordinal))
        {
            await fileNew(phone, "Where in the road is it?");
        }

        await Expect(phone.CityBubbles.Last).ToContainTextAsync("Where in the road is it?");
    }
}
