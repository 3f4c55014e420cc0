using System.Text.Json;
using System.Text.RegularExpressions;
using ChannelBot.Channels.DirectLine;
using ChannelBot.Domain.Cases;
using ChannelBot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChannelBot.Web.Tests.Browser;

/// <summary>Reloading the page (the conversation kept, its token refreshed or replaced) and the embed snippet on a city's website.</summary>
public sealed partial class WebChatPageTests
{
    [Fact]
    public async Task A_page_reload_restores_the_same_conversation_with_its_history_and_no_duplicates()
    {
        await using var resident = await WebChatPage.OpenAsync(fixture);
        await Expect(resident.BotBubbles.Filter(new() { HasText = Greeting })).ToHaveCountAsync(1);
        await resident.SayAndExpectAsync("pothole", AskWhere);
        await resident.SayAndExpectAsync("123 Main St", AskWhereInRoad);
        var bot = await resident.TextsAsync(resident.BotBubbles);
        var said = await resident.TextsAsync(resident.ResidentBubbles);
        var conversationBefore = Kept(await resident.StoredAsync(KeptKey)).ConversationId;

        await resident.Page.ReloadAsync();

        await Expect(resident.BotBubbles).ToHaveCountAsync(bot.Count);
        await Expect(resident.ResidentBubbles).ToHaveTextAsync([.. said]);
        Assert.Equal(conversationBefore, Kept(await resident.StoredAsync(KeptKey)).ConversationId);

        // The conversation goes on where it was (the bot still waits for "where in the road"), and once the
        // resumed connection has delivered the reply, nothing from before the reload has come twice.
        await resident.ExpectReplyAsync(() => resident.SuggestedActions.Filter(new() { HasText = "Next to the curb" }).ClickAsync(), "Is it any of these?");
        var botAfter = await resident.TextsAsync(resident.BotBubbles);
        var saidAfter = await resident.TextsAsync(resident.ResidentBubbles);
        Assert.Equal(bot, botAfter.Take(bot.Count));
        Assert.Single(botAfter.Skip(bot.Count));
        Assert.Equal([.. said, "Next to the curb"], saidAfter);
        resident.AssertStayedOnTheApp();
        resident.AssertNoErrors();
    }

    [Fact]
    public async Task A_reload_close_to_the_token_expiry_refreshes_the_token_and_keeps_the_conversation()
    {
        await using var resident = await WebChatPage.OpenAsync(fixture);
        await Expect(resident.BotBubbles.Filter(new() { HasText = Greeting })).ToHaveCountAsync(1);
        await resident.SayAndExpectAsync("pothole", AskWhere);
        var before = Kept(await resident.StoredAsync(KeptKey));
        await resident.ChangeKeptConversationOnNextLoadAsync(new Dictionary<string, object?>
        {
            ["expiresAt"] = fixture.Now.AddMinutes(1).ToUnixTimeMilliseconds(),
        });

        await resident.Page.ReloadAsync();

        await Expect(resident.ResidentBubbles).ToHaveTextAsync(["pothole"]);
        await resident.SayAndExpectAsync("123 Main St", AskWhereInRoad);
        var after = Kept(await resident.StoredAsync(KeptKey));
        Assert.Equal(before.ConversationId, after.ConversationId);
        Assert.NotEqual(before.Token, after.Token);
        Assert.Contains(resident.Requests, request => request.StartsWith("POST ", StringComparison.Ordinal) && request.EndsWith("/v3/directline/tokens/refresh", StringComparison.Ordinal));
        await Expect(resident.BotBubbles.Filter(new() { HasText = Greeting })).ToHaveCountAsync(1);
        resident.AssertStayedOnTheApp();
    }

    [Fact]
    public async Task A_reload_after_the_token_expired_starts_a_new_conversation_and_says_so()
    {
        await using var resident = await WebChatPage.OpenAsync(fixture);
        await Expect(resident.BotBubbles.Filter(new() { HasText = Greeting })).ToHaveCountAsync(1);
        await resident.SayAndExpectAsync("pothole", AskWhere);
        var before = Kept(await resident.StoredAsync(KeptKey));
        await resident.ChangeKeptConversationOnNextLoadAsync(new Dictionary<string, object?>
        {
            ["expiresAt"] = fixture.Now.AddMinutes(-1).ToUnixTimeMilliseconds(),
        });

        await resident.Page.ReloadAsync();

        await Expect(resident.Page.Locator("#site-status")).ToHaveTextAsync("Your earlier chat had expired, so a new one has started.");
        await Expect(resident.BotBubbles.Filter(new() { HasText = Greeting })).ToHaveCountAsync(1);
        await Expect(resident.ResidentBubbles).ToHaveCountAsync(0);
        await resident.SayAndExpectAsync("pothole", AskWhere);
        Assert.NotEqual(before.ConversationId, Kept(await resident.StoredAsync(KeptKey)).ConversationId);
        resident.AssertStayedOnTheApp();
    }

    [Fact]
    public async Task A_reload_after_the_server_lost_the_conversation_starts_a_new_one_and_says_so()
    {
        await using var resident = await WebChatPage.OpenAsync(fixture);
        await Expect(resident.BotBubbles.Filter(new() { HasText = Greeting })).ToHaveCountAsync(1);
        await resident.SayAndExpectAsync("pothole", AskWhere);
        var before = Kept(await resident.StoredAsync(KeptKey));
        // A good token for a conversation the server does not have (as after a restart: logs are in memory).
        var lost = fixture.App.Services.GetRequiredService<DirectLineTokens>().Issue("LostConversation0000001", before.UserId, null);
        await resident.ChangeKeptConversationOnNextLoadAsync(new Dictionary<string, object?>
        {
            ["conversationId"] = "LostConversation0000001",
            ["token"] = lost.Token,
        });

        await resident.Page.ReloadAsync();

        await Expect(resident.Page.Locator("#site-status")).ToHaveTextAsync("Your earlier chat had expired, so a new one has started.");
        await Expect(resident.BotBubbles.Filter(new() { HasText = Greeting })).ToHaveCountAsync(1);
        await Expect(resident.ResidentBubbles).ToHaveCountAsync(0);
        await resident.SayAndExpectAsync("pothole", AskWhere);
        var after = Kept(await resident.StoredAsync(KeptKey));
        Assert.NotEqual(before.ConversationId, after.ConversationId);
        Assert.NotEqual("LostConversation0000001", after.ConversationId);
        resident.AssertStayedOnTheApp();
    }

    [Fact]
    public async Task The_embed_snippet_shows_the_chat_on_the_city_website()
    {
        var snippet = $"""<script src="{fixture.App.BaseAddress}site/embed.js" async></script>""";
        await using var resident = await WebChatPage.OpenAsync(
            fixture, path: BrowserFixture.CityWebsite + "/", otherSite: (BrowserFixture.CityWebsite + "/", CityWebsitePage(snippet)));

        await resident.Page.GetByRole(AriaRole.Button, new() { Name = "Report a problem · 311" }).ClickAsync();

        var chat = resident.Page.FrameLocator("iframe[title='City 311 chat']");
        await Expect(chat.Locator(".webchat__bubble__content").Filter(new() { HasText = Greeting })).ToHaveCountAsync(1);
        await chat.Locator("[data-id='webchat-sendbox-input']").FillAsync("pothole");
        await chat.Locator("[data-id='webchat-sendbox-input']").PressAsync("Enter");
        await Expect(chat.Locator(".webchat__bubble__content").Filter(new() { HasText = AskWhere })).ToHaveCountAsync(1);
        resident.AssertStayedOnTheApp();
    }

    [Fact]
    public async Task The_embed_snippet_in_a_block_of_a_Spanish_page_shows_the_chat_in_Spanish()
    {
        var snippet = $"""<div id="chat311" style="height:600px"></div><script src="{fixture.App.BaseAddress}site/embed.js" data-target="chat311" async></script>""";
        await using var resident = await WebChatPage.OpenAsync(
            fixture, path: BrowserFixture.CityWebsite + "/", otherSite: (BrowserFixture.CityWebsite + "/", CityWebsitePage(snippet, "es")));

        var chat = resident.Page.FrameLocator("#chat311 iframe");
        await Expect(chat.Locator(".webchat__bubble__content").Filter(new() { HasText = "¡Hola! Habla el 311" })).ToHaveCountAsync(1);
        await Expect(chat.Locator("h1")).ToHaveTextAsync("Ciudad de Springfield 311");
        resident.AssertStayedOnTheApp();
    }
}
