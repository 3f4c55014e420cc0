using ChannelBot.Web.Tests.Support;

namespace ChannelBot.Web.Tests.Meta;

/// <summary>Issue 5: while the bot works on a Messenger resident's message, the fake Graph API sees the typing_on sender action for them.</summary>
public sealed class MessengerTypingTests
{
    [Fact]
    public async Task A_message_from_a_resident_shows_the_typing_indicator_at_the_Send_API()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var resident = new MessengerResident();
        await using var app = ChannelBotApp.Start(storage, resident.Settings());
        using var http = app.CreateHttpClient();

        var answer = await resident.SayAsync(http, app.Services, "hi");

        Assert.NotEmpty(answer);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!resident.Posted.Any(b => b.ContainsKey("sender_action")))
        {
            Assert.True(DateTime.UtcNow < deadline, "No sender action reached the Send API:\n" + resident.Transcript);
            await Task.Delay(25);
        }

        var typing = Assert.Single(resident.Posted, b => b.ContainsKey("sender_action"));
        Assert.Equal($$"""{"recipient":{"id":"{{MessengerResident.Psid}}"},"sender_action":"typing_on"}""", typing.ToJsonString());
    }
}
