using System.Text.Json;
using System.Text.RegularExpressions;
using ChannelBot.Channels.DirectLine;
using ChannelBot.Domain.Cases;
using ChannelBot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChannelBot.Web.Tests.Browser;

/// <summary>
/// The landing page in a real browser (Debian's Chromium, headless) against the real app: the official Web Chat
/// widget on our Direct Line server, as a resident uses it.
/// </summary>
public sealed partial class WebChatPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Greeting = "What would you like to report?";
    private const string AskWhere = "Where is it?";
    private const string AskWhereInRoad = "Where in the road is it?";

    /// <summary>Where the page keeps its conversation (sessionStorage).</summary>
    private const string KeptKey = "channelbot.webchat.conversation";

    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task The_widget_boots_with_the_city_name_and_no_request_leaves_the_app()
    {
        await using var resident = await WebChatPage.OpenAsync(fixture);

        await Expect(resident.BotBubbles.Filter(new() { HasText = Greeting })).ToHaveCountAsync(1);
        await Expect(resident.Page).ToHaveTitleAsync("City of Springfield 311");
        await Expect(resident.Page.Locator("h1")).ToHaveTextAsync("City of Springfield 311");
        await Expect(resident.Page.Locator("img.site__logo")).ToHaveJSPropertyAsync("naturalWidth", 64);
        await Expect(resident.SendBox).ToBeVisibleAsync();
        await Expect(resident.Page.Locator("#webchat input[type=file]")).ToHaveAttributeAsync("accept", "image/*");
        await Expect(resident.Page.Locator("#site-status")).ToBeEmptyAsync();

        resident.AssertStayedOnTheApp();
        resident.AssertNoErrors();
    }

    [Fact]
    public async Task The_page_allows_nothing_from_another_host_and_only_configured_sites_may_frame_it()
    {
        using var http = fixture.App.CreateHttpClient();
        using var response = await http.GetAsync(new Uri("/", UriKind.Relative));

        response.EnsureSuccessStatusCode();
        var directives = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"))
            .Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(directive => directive.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(parts => parts[0], parts => parts[1..]);
        Assert.Equal(["'self'"], directives["default-src"]);
        Assert.Equal(["'self'"], directives["script-src"]);
        Assert.Equal(["'self'", BrowserFixture.CityWebsite], directives["frame-ancestors"]);
        Assert.All(directives.Where(d => d.Key != "frame-ancestors").SelectMany(d => d.Value), source =>
            Assert.Contains(source, (string[])["'self'", "'none'", "'unsafe-inline'", "data:", "blob:"]));
    }

    [Fact]
    public async Task A_sent_message_shows_as_sent_not_send_failed()
    {
        await using var resident = await WebChatPage.OpenAsync(fixture);
        await Expect(resident.BotBubbles.Filter(new() { HasText = Greeting })).ToHaveCountAsync(1);

        await resident.SayAndExpectAsync("there's a huge pothole in the road", AskWhere);

        await Expect(resident.ResidentBubbles).ToHaveTextAsync(["there's a huge pothole in the road"]);
        await Expect(resident.ResidentStatuses).ToHaveCountAsync(1);
        await Expect(resident.ResidentStatuses.First).ToContainTextAsync("Sent at");
        await Expect(resident.Page.GetByText("Send failed")).ToHaveCountAsync(0);
        resident.AssertStayedOnTheApp();
    }

    [Fact]
    public async Task Suggested_actions_render_and_clicking_one_answers_the_prompt()
    {
        await using var resident = await WebChatPage.OpenAsync(fixture);
        await Expect(resident.BotBubbles.Filter(new() { HasText = Greeting })).ToHaveCountAsync(1);
        await Expect(resident.SuggestedActions.Filter(new() { HasText = "Pothole" })).ToHaveCountAsync(1);
        await Expect(resident.SuggestedActions.Filter(new() { HasText = "Streetlight out" })).ToHaveCountAsync(1);

        await resident.ExpectReplyAsync(() => resident.SuggestedActions.Filter(new() { HasText = "Pothole" }).ClickAsync(), AskWhere);
        await Expect(resident.ResidentBubbles).ToHaveTextAsync(["Pothole"]);

        await resident.SayAndExpectAsync("123 Main St", AskWhereInRoad);
        await Expect(resident.SuggestedActions.Filter(new() { HasText = "Next to the curb" })).ToHaveCountAsync(1);
        await resident.ExpectReplyAsync(() => resident.SuggestedActions.Filter(new() { HasText = "Next to the curb" }).ClickAsync(), "Is it any of these?");
        await Expect(resident.ResidentBubbles).ToHaveTextAsync(["Pothole", "123 Main St", "Next to the curb"]);
        resident.AssertStayedOnTheApp();
    }

    [Fact]
    public async Task A_photo_uploaded_through_the_widget_ends_up_on_the_case()
    {
        await using var resident = await WebChatPage.OpenAsync(fixture);
        await Expect(resident.BotBubbles.Filter(new() { HasText = Greeting })).ToHaveCountAsync(1);
        await resident.SayAndExpectAsync("pothole", AskWhere);
        await resident.SayAndExpectAsync("45 Elm St", AskWhereInRoad);
        await resident.SayAndExpectAsync("traffic lane", "Is it any of these?");
        await resident.SayAndExpectAsync("skip", "Please describe the problem");
        await resident.SayAndExpectAsync("A wide hole in the middle of the lane.", "public map");
        await resident.SayAndExpectAsync("no", "send a photo");

        await resident.ExpectReplyAsync(
            async () =>
            {
                await resident.Page.Locator("#webchat input[type=file]").SetInputFilesAsync(new FilePayload { Name = "pothole.png", MimeType = "image/png", Buffer = Png });
                // Web Chat reads the picked file before the send box holds it (the paper clip shows a check).
                await Expect(resident.Page.Locator("#webchat .webchat__attachment-icon--checked")).ToHaveCountAsync(1);
                await resident.SendButton.ClickAsync();
            },
            "Thanks for the photo.");
        await Expect(resident.ResidentStatuses).ToHaveCountAsync(7);
        await Expect(resident.ResidentStatuses.Last).ToContainTextAsync("Sent at");

        await resident.SayAndExpectAsync("skip", "Would you like updates about this report?");
        await resident.SayAndExpectAsync("no", "Shall I send it to the city?");
        await resident.SayAndExpectAsync("yes", "Thank you!");

        var receipt = (await resident.TextsAsync(resident.BotBubbles)).Last();
        var ticket = Ticket().Match(receipt);
        Assert.True(ticket.Success, $"No ticket number in: {receipt}");
        var photo = await StoredPhotoAsync(ticket.Value);
        Assert.Equal(PhotoStatus.Stored, photo.Status);
        Assert.Equal(Png.Length, photo.SizeBytes);
        Assert.Equal("image/png", photo.ContentType);
        resident.AssertStayedOnTheApp();
    }

    [Fact]
    public async Task A_Spanish_browser_gets_the_page_the_widget_and_the_bot_in_Spanish()
    {
        await using var resident = await WebChatPage.OpenAsync(fixture, locale: "es-US");

        await Expect(resident.BotBubbles.Filter(new() { HasText = "¡Hola! Habla el 311 de Ciudad de Springfield" })).ToHaveCountAsync(1);
        await Expect(resident.Page.Locator("html")).ToHaveAttributeAsync("lang", "es");
        await Expect(resident.Page.Locator("h1")).ToHaveTextAsync("Ciudad de Springfield 311");
        await Expect(resident.Page.Locator("#site-language")).ToHaveValueAsync("es");
        await Expect(resident.SendBox).Not.ToHaveAttributeAsync("placeholder", "Type your message");

        await resident.SayAndExpectAsync("hay un bache enorme", "¿Dónde está?");
        await Expect(resident.ResidentStatuses.First).Not.ToContainTextAsync("Sent at");
        await Expect(resident.ResidentStatuses.First).ToContainTextAsync("Enviado");
        await Expect(resident.Page.GetByText("No se pudo enviar")).ToHaveCountAsync(0);
        resident.AssertStayedOnTheApp();
    }

    [Fact]
    public async Task The_language_picker_switches_the_page_the_widget_and_the_bot_to_Spanish()
    {
        await using var resident = await WebChatPage.OpenAsync(fixture);
        await Expect(resident.BotBubbles.Filter(new() { HasText = Greeting })).ToHaveCountAsync(1);
        await Expect(resident.SendBox).ToHaveAttributeAsync("placeholder", "Type your message");

        await resident.Page.Locator("#site-language").SelectOptionAsync("es");

        await Expect(resident.Page.Locator("h1")).ToHaveTextAsync("Ciudad de Springfield 311");
        await Expect(resident.SendBox).Not.ToHaveAttributeAsync("placeholder", "Type your message");
        await resident.SayAndExpectAsync("bache", "¿Dónde está?");
        resident.AssertStayedOnTheApp();
    }

    private static string CityWebsitePage(string snippet, string lang = "en") =>
        $"""<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>City of Springfield</title></head><body><h1>City of Springfield</h1>{snippet}</body></html>""";

    private static (string ConversationId, string Token, string UserId) Kept(string? stored)
    {
        Assert.NotNull(stored);
        using var document = JsonDocument.Parse(stored);
        var root = document.RootElement;
        return (root.GetProperty("conversationId").GetString()!, root.GetProperty("token").GetString()!, root.GetProperty("userId").GetString()!);
    }

    /// <summary>Waits until the case's photo has been copied (or refused) by the photo collector.</summary>
    private async Task<CasePhoto> StoredPhotoAsync(string ticket)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var saved = Assert.Single(await CaseRows.AllAsync(fixture.App.Services), c => c.Ticket.ToString() == ticket);
            var photo = Assert.Single(saved.Photos);
            if (photo.Status != PhotoStatus.Pending)
            {
                return photo;
            }

            Assert.True(DateTime.UtcNow < deadline, "The photo was still pending after 30 s.");
            await Task.Delay(50);
        }
    }

    [GeneratedRegex(@"311-\d{4}-\d{6}")]
    private static partial Regex Ticket();
}
