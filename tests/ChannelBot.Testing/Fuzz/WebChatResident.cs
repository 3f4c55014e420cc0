using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ChannelBot.Testing.Fuzz;

/// <summary>
/// A legitimate web chat resident over plain HTTP (a session from <c>/api/chat/session</c>, the conversation started
/// with its token, messages posted and answers polled): the fuzz run's proof that real residents are still served
/// between the hostile requests.
/// </summary>
public sealed class WebChatResident
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http;
    private string _watermark = string.Empty;

    private WebChatResident(HttpClient http, string conversationId, string token, string userId)
    {
        _http = http;
        ConversationId = conversationId;
        Token = token;
        UserId = userId;
    }

    public string ConversationId { get; }

    public string Token { get; }

    public string UserId { get; }

    public static async Task<WebChatResident> StartAsync(HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var session = await http.PostAsync(new Uri("/api/chat/session", UriKind.Relative), null);
        session.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await session.Content.ReadAsStringAsync());
        var token = json.RootElement.GetProperty("token").GetString()!;
        var conversationId = json.RootElement.GetProperty("conversationId").GetString()!;
        var userId = json.RootElement.GetProperty("userId").GetString()!;
        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var started = await http.SendAsync(start);
        started.EnsureSuccessStatusCode();
        return new WebChatResident(http, conversationId, token, userId);
    }

    /// <summary>Says <paramref name="text"/>; true when the bot answered it within 30 s.</summary>
    public async Task<bool> IsAnsweredAsync(string text)
    {
        using var post = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{ConversationId}/activities");
        post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        post.Content = new StringContent(JsonSerializer.Serialize(new { type = "message", from = new { id = UserId }, text }), Encoding.UTF8, "application/json");
        using var posted = await _http.SendAsync(post);
        if (!posted.IsSuccessStatusCode)
        {
            return false;
        }

        using var id = JsonDocument.Parse(await posted.Content.ReadAsStringAsync());
        var activityId = id.RootElement.GetProperty("id").GetString();
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            using var poll = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{ConversationId}/activities?watermark={_watermark}");
            poll.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
            using var answer = await _http.SendAsync(poll);
            using var set = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
            if (set.RootElement.TryGetProperty("watermark", out var watermark) && watermark.GetString() is { Length: > 0 } next)
            {
                _watermark = next;
            }

            foreach (var activity in set.RootElement.GetProperty("activities").EnumerateArray())
            {
                if (activity.TryGetProperty("replyToId", out var replyTo) && replyTo.GetString() == activityId)
                {
                    return true;
                }
            }

            await Task.Delay(25);
        }

        return false;
    }
}
