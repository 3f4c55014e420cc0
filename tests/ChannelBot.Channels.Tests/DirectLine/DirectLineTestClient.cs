using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ChannelBot.Schema;

namespace ChannelBot.Channels.Tests.DirectLine;

/// <summary>Direct Line's REST calls as a client makes them, with the token (or secret) it holds.</summary>
public sealed class DirectLineTestClient(HttpClient http, string? token)
{
    public string? Token { get; set; } = token;

    public string ConversationId { get; set; } = string.Empty;

    public string? StreamUrl { get; private set; }

    public string Watermark { get; set; } = string.Empty;

    /// <summary>POST /tokens/generate with the secret; the client then holds the token and its conversation.</summary>
    public static async Task<DirectLineTestClient> GenerateAsync(HttpClient http, string? body = null)
    {
        using var request = Request(HttpMethod.Post, "/v3/directline/tokens/generate", DirectLineTestHost.Secret, body);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return new DirectLineTestClient(http, json.RootElement.GetProperty("token").GetString())
        {
            ConversationId = json.RootElement.GetProperty("conversationId").GetString()!,
        };
    }

    /// <summary>A token-holding client whose conversation has been started (201).</summary>
    public static async Task<DirectLineTestClient> StartedAsync(HttpClient http)
    {
        var client = await GenerateAsync(http);
        using var response = await client.StartAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return client;
    }

    /// <summary>POST /conversations; adopts the returned token and streamUrl as directlinejs does.</summary>
    public async Task<HttpResponseMessage> StartAsync(string? body = null)
    {
        using var request = Request(HttpMethod.Post, "/v3/directline/conversations", Token, body);
        var response = await http.SendAsync(request);
        await AdoptAsync(response);
        return response;
    }

    /// <summary>GET /conversations/{id}?watermark= (reconnect); adopts token and streamUrl.</summary>
    public async Task<HttpResponseMessage> ReconnectAsync(string? watermark = null)
    {
        using var request = Request(HttpMethod.Get, $"/v3/directline/conversations/{Uri.EscapeDataString(ConversationId)}?watermark={watermark ?? Watermark}", Token);
        var response = await http.SendAsync(request);
        await AdoptAsync(response);
        return response;
    }

    public Task<HttpResponseMessage> PostAsync(string activityJson, string? conversationId = null)
    {
        using var request = Request(HttpMethod.Post, $"/v3/directline/conversations/{Uri.EscapeDataString(conversationId ?? ConversationId)}/activities", Token, activityJson);
        return http.SendAsync(request);
    }

    /// <summary>Posts a message as Web Chat does (clientActivityID in channelData) and returns the server's id.</summary>
    public async Task<string> SayAsync(string text, string? clientActivityId = null)
    {
        using var response = await PostAsync(Message(text, clientActivityId ?? Guid.NewGuid().ToString("N")[..11]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("id").GetString()!;
    }

    public static string Message(string text, string clientActivityId) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["type"] = "message",
        ["text"] = text,
        ["textFormat"] = "plain",
        ["attachments"] = Array.Empty<object>(),
        ["from"] = new Dictionary<string, string> { ["id"] = "u-web", ["name"] = "Ana", ["role"] = "user" },
        ["channelData"] = new Dictionary<string, object> { ["clientActivityID"] = clientActivityId, ["attachmentSizes"] = Array.Empty<int>() },
        ["channelId"] = "webchat",
        ["locale"] = "en-US",
    });

    public Task<HttpResponseMessage> GetActivitiesAsync(string? watermark = null, string? conversationId = null)
    {
        using var request = Request(HttpMethod.Get, $"/v3/directline/conversations/{Uri.EscapeDataString(conversationId ?? ConversationId)}/activities?watermark={Uri.EscapeDataString(watermark ?? Watermark)}", Token);
        return http.SendAsync(request);
    }

    /// <summary>One poll from the held watermark; the held watermark moves on as directlinejs moves it.</summary>
    public async Task<List<Activity>> PollAsync()
    {
        using var response = await GetActivitiesAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (activities, watermark) = ReadSet(await response.Content.ReadAsStringAsync());
        Watermark = watermark ?? Watermark;
        return activities;
    }

    public Task<HttpResponseMessage> RefreshAsync()
    {
        using var request = Request(HttpMethod.Post, "/v3/directline/tokens/refresh", Token);
        return http.SendAsync(request);
    }

    public Task<HttpResponseMessage> UploadAsync(HttpContent content, string? conversationId = null)
    {
        using var request = Request(HttpMethod.Post, $"/v3/directline/conversations/{Uri.EscapeDataString(conversationId ?? ConversationId)}/upload?userId=u-web", Token);
        request.Content = content;
        return http.SendAsync(request);
    }

    public static (List<Activity> Activities, string? Watermark) ReadSet(string json)
    {
        using var document = JsonDocument.Parse(json);
        var activities = document.RootElement.GetProperty("activities").EnumerateArray().Select(a => ActivityJson.Deserialize(a.GetRawText())).ToList();
        var watermark = document.RootElement.TryGetProperty("watermark", out var value) ? value.GetString() : null;
        return (activities, watermark);
    }

    public static HttpRequestMessage Request(HttpMethod method, string path, string? bearer, string? jsonBody = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (jsonBody is not null)
        {
            request.Content = new StringContent(jsonBody, Encoding.UTF8, "application/json");
        }

        return request;
    }

    private async Task AdoptAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            return;
        }

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Token = json.RootElement.GetProperty("token").GetString();
        ConversationId = json.RootElement.GetProperty("conversationId").GetString()!;
        StreamUrl = json.RootElement.TryGetProperty("streamUrl", out var stream) ? stream.GetString() : null;
    }
}
