using System.Net.Http.Json;
using ChannelBot.Schema;

namespace ChannelBot.Web.Tests.Support;

/// <summary>
/// Talks to <c>/api/messages</c> as the Bot Framework Emulator does with no App ID: activities with a
/// serviceUrl pointing at <see cref="FakeConnector"/>, where the bot's answers arrive.
/// </summary>
public sealed class EmulatorClient(HttpClient http, FakeConnector connector, string conversationId, string userId = "resident-1")
{
    public string ConversationId => conversationId;

    public Activity Message(string text, string? id = null) => new()
    {
        Type = ActivityTypes.Message,
        Id = id ?? Guid.NewGuid().ToString("N"),
        ChannelId = ChannelIds.Emulator,
        ServiceUrl = connector.ServiceUrl,
        From = new ChannelAccount { Id = userId, Name = "Resident", Role = RoleTypes.User },
        Recipient = new ChannelAccount { Id = "channelbot", Name = "ChannelBot", Role = RoleTypes.Bot },
        Conversation = new ConversationAccount { Id = conversationId },
        Text = text,
        Locale = "en-US",
        Timestamp = DateTimeOffset.UtcNow,
    };

    /// <summary>Sends a photo as the Emulator does (an attachment with a contentUrl) and returns the bot's answer.</summary>
    public Task<Activity> SendPhotoAsync(string url, string contentType = "image/png")
    {
        var message = Message(string.Empty);
        message.Text = null;
        message.Attachments = [new Attachment { ContentType = contentType, ContentUrl = url, Name = "photo.png" }];
        return SendAsync(message);
    }

    /// <summary>Shares a location pin (a Place entity with coordinates) and returns the bot's answer.</summary>
    public Task<Activity> SendLocationAsync(double latitude, double longitude)
    {
        var message = Message(string.Empty);
        message.Text = null;
        message.Entities = [new GeoPoint(latitude, longitude).ToEntity()];
        return SendAsync(message);
    }

    public Task<HttpResponseMessage> PostAsync(Activity activity) =>
        http.PostAsJsonAsync("/api/messages", activity, ActivityJson.Options);

    /// <summary>Sends <paramref name="text"/> and returns the bot's answer to it.</summary>
    public async Task<Activity> SayAsync(string text)
    {
        return await SendAsync(Message(text));
    }

    /// <summary>Sends <paramref name="message"/> (built with <see cref="Message"/>) and returns the bot's answer to it.</summary>
    public async Task<Activity> SendAsync(Activity message)
    {
        using var response = await PostAsync(message);
        Assert.True(response.IsSuccessStatusCode, $"/api/messages answered {(int)response.StatusCode} to '{message.Text}'");
        return await connector.WaitForReplyToAsync(conversationId, message.Id!);
    }
}
