using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using ChannelBot.Schema;

namespace ChannelBot.Web.Tests.DirectLine;

/// <summary>
/// A web chat page as Web Chat drives it: a session from <c>/api/chat/session</c>, the conversation started with the
/// token, the WebSocket from <c>streamUrl</c> read in the background, and messages posted with a clientActivityID.
/// Everything that arrives on the socket is kept, so a test can check it for duplicates and missing echoes.
/// </summary>
public sealed class DirectLineResident : IAsyncDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private readonly HttpClient _http;
    private readonly ClientWebSocket _socket = new();
    private readonly Channel<Activity> _arrived = Channel.CreateUnbounded<Activity>();
    private readonly List<Activity> _all = [];
    private readonly CancellationTokenSource _stop = new();
    private Task _reader = Task.CompletedTask;
    private string _token = string.Empty;
    private string _watermark = string.Empty;

    private DirectLineResident(HttpClient http) => _http = http;

    public string ConversationId { get; private set; } = string.Empty;

    /// <summary>The browser's language the resident's messages carry (Web Chat sends it as the activity's locale).</summary>
    public string Locale { get; set; } = "en-US";

    public string UserId { get; private set; } = string.Empty;

    /// <summary>The conversation's current token (the page keeps it in sessionStorage).</summary>
    public string Token => _token;

    /// <summary>The watermark of the last ActivitySet the socket delivered, and everything delivered up to it.</summary>
    public (string Watermark, IReadOnlyList<Activity> Delivered) Seen
    {
        get
        {
            lock (_all)
            {
                return (_watermark, [.. _all]);
            }
        }
    }

    /// <summary>Everything the socket delivered, in order.</summary>
    public IReadOnlyList<Activity> Delivered
    {
        get
        {
            lock (_all)
            {
                return [.. _all];
            }
        }
    }

    /// <summary>The conversation as read so far, one line per activity (for failure messages).</summary>
    public string Transcript => string.Join("\n", Delivered.Select(a => $"{a.From?.Role}: {a.Text}{(a.Attachments is { Count: > 0 } ? " [attachment]" : string.Empty)}"));

    public static async Task<DirectLineResident> OpenAsync(HttpClient http)
    {
        var resident = new DirectLineResident(http);
        using (var session = await http.PostAsync(new Uri("/api/chat/session", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.OK, session.StatusCode);
            using var json = JsonDocument.Parse(await session.Content.ReadAsStringAsync());
            resident._token = json.RootElement.GetProperty("token").GetString()!;
            resident.UserId = json.RootElement.GetProperty("userId").GetString()!;
        }

        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", resident._token);
        start.Content = new StringContent($$$"""{"user":{"id":"{{{resident.UserId}}}"}}""", Encoding.UTF8, "application/json");
        using var started = await http.SendAsync(start);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        using var conversation = JsonDocument.Parse(await started.Content.ReadAsStringAsync());
        resident._token = conversation.RootElement.GetProperty("token").GetString()!;
        resident.ConversationId = conversation.RootElement.GetProperty("conversationId").GetString()!;
        using var connect = new CancellationTokenSource(Wait);
        await resident._socket.ConnectAsync(new Uri(conversation.RootElement.GetProperty("streamUrl").GetString()!), connect.Token);
        resident._reader = resident.ReadAsync();
        return resident;
    }

    /// <summary>
    /// A page reloaded (or a client whose socket dropped) coming back: <c>GET /conversations/{id}?watermark=</c> with
    /// the token it kept, then the WebSocket from the answer's streamUrl, which replays what came after the watermark.
    /// </summary>
    public static async Task<DirectLineResident> ResumeAsync(HttpClient http, string conversationId, string userId, string token, string watermark)
    {
        var resident = new DirectLineResident(http) { ConversationId = conversationId, UserId = userId, _watermark = watermark };
        using var reconnect = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}?watermark={watermark}");
        reconnect.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var resumed = await http.SendAsync(reconnect);
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        using var conversation = JsonDocument.Parse(await resumed.Content.ReadAsStringAsync());
        resident._token = conversation.RootElement.GetProperty("token").GetString()!;
        using var connect = new CancellationTokenSource(Wait);
        await resident._socket.ConnectAsync(new Uri(conversation.RootElement.GetProperty("streamUrl").GetString()!), connect.Token);
        resident._reader = resident.ReadAsync();
        return resident;
    }

    /// <summary>Waits until the socket has delivered at least <paramref name="count"/> activities; returns them.</summary>
    public async Task<IReadOnlyList<Activity>> DeliveredAtLeastAsync(int count)
    {
        while (Delivered.Count < count)
        {
            await WaitForAsync(_ => true);
        }

        return Delivered;
    }

    /// <summary>The next bot message that answers nothing in particular (the greeting after the join).</summary>
    public Task<Activity> NextFromBotAsync() => WaitForAsync(a => a.From?.Role == RoleTypes.Bot && a.Type == ActivityTypes.Message);

    /// <summary>Posts <paramref name="text"/>; waits for its echo and returns the bot's first reply to it.</summary>
    public async Task<Activity> SayAsync(string text)
    {
        var clientActivityId = Guid.NewGuid().ToString("N")[..11];
        var body = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["type"] = "message",
            ["text"] = text,
            ["from"] = new Dictionary<string, string> { ["id"] = UserId, ["role"] = "user" },
            ["channelData"] = new Dictionary<string, object> { ["clientActivityID"] = clientActivityId },
            ["locale"] = Locale,
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{ConversationId}/activities");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await AnswerToAsync(await IdOfAsync(response), clientActivityId);
    }

    /// <summary>Uploads a photo as Web Chat does and returns the bot's first reply to it.</summary>
    public async Task<(Activity Reply, string ContentUrl)> SendPhotoAsync(byte[] png)
    {
        var clientActivityId = Guid.NewGuid().ToString("N")[..11];
        using var content = new MultipartFormDataContent();
        var activity = new StringContent(
            $$$"""{"type":"message","attachments":[{"contentType":"image/png","name":"pothole.png"}],"channelData":{"clientActivityID":"{{{clientActivityId}}}","attachmentSizes":[{{{png.Length}}}]},"from":{"id":"{{{UserId}}}","role":"user"}}""",
            Encoding.UTF8);
        activity.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity");
        content.Add(activity, "activity", "blob");
        var file = new ByteArrayContent(png);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        content.Add(file, "file", "pothole.png");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{ConversationId}/upload?userId={UserId}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        request.Content = content;
        using var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = await IdOfAsync(response);
        var reply = await AnswerToAsync(id, clientActivityId);
        var echo = Delivered.Single(a => a.Id == id);
        return (reply, Assert.Single(echo.Attachments!).ContentUrl!);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _reader;
        }
        catch (OperationCanceledException)
        {
        }

        _socket.Dispose();
        _stop.Dispose();
    }

    private async Task<Activity> AnswerToAsync(string id, string clientActivityId)
    {
        var echo = await WaitForAsync(a => a.Id == id);
        Assert.Equal(clientActivityId, echo.ChannelDataObject?.GetProperty("clientActivityID").GetString());
        return await WaitForAsync(a => a.From?.Role == RoleTypes.Bot && a.ReplyToId == id);
    }

    private async Task<Activity> WaitForAsync(Func<Activity, bool> match)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        timeout.CancelAfter(Wait);
        while (true)
        {
            var activity = await _arrived.Reader.ReadAsync(timeout.Token);
            if (match(activity))
            {
                return activity;
            }
        }
    }

    private static async Task<string> IdOfAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("id").GetString()!;
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (!_stop.IsCancellationRequested)
        {
            var result = await _socket.ReceiveAsync(buffer, _stop.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            message.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage)
            {
                continue;
            }

            var text = Encoding.UTF8.GetString(message.ToArray());
            message.SetLength(0);
            if (text.Length == 0)
            {
                continue;   // keep-alive
            }

            using var set = JsonDocument.Parse(text);
            var activities = set.RootElement.GetProperty("activities").EnumerateArray().Select(element => ActivityJson.Deserialize(element.GetRawText())).ToList();
            lock (_all)
            {
                _all.AddRange(activities);
                if (set.RootElement.TryGetProperty("watermark", out var watermark) && watermark.GetString() is { } value)
                {
                    _watermark = value;
                }
            }

            foreach (var activity in activities)
            {
                await _arrived.Writer.WriteAsync(activity);
            }
        }
    }
}
