using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChannelBot.Web.Tests.Chaos;

/// <summary>
/// A resident in web chat through our Direct Line 3.0 server, as a plain REST client: a session
/// (<c>/api/chat/session</c>), the conversation started with its token, messages posted with a clientActivityID, the
/// bot's answers read by polling <c>GET …/activities?watermark=</c>. Direct Line does not deduplicate a post sent
/// twice, but a client can read its conversation: a post the app did not answer is sent again only when its echo
/// (its clientActivityID) and an answer have not appeared within the take-over time.
/// </summary>
internal sealed class WebChatChaosResident(string name, IReadOnlyList<string> script) : ChaosResident(name, script)
{
    private static readonly TimeSpan TakeOverTime = TimeSpan.FromSeconds(8);
    private readonly List<string> _answers = [];
    private readonly HashSet<string> _echoed = new(StringComparer.Ordinal);
    private string _conversationId = string.Empty;
    private string _token = string.Empty;
    private string? _watermark;
    private DateTime _lastPoll;
    private bool _mayHaveArrived;

    /// <summary>Posts sent again because neither their echo nor an answer appeared (each a message the bot may see twice).</summary>
    public int Resent { get; private set; }

    protected override async Task StartAsync(Func<HttpClient> http)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        var last = "no answer";
        while (true)
        {
            try
            {
                var client = http();
                using var session = await client.PostAsync(new Uri("/api/chat/session", UriKind.Relative), null);
                last = "session " + (int)session.StatusCode;
                if (session.StatusCode == HttpStatusCode.OK)
                {
                    using var json = JsonDocument.Parse(await session.Content.ReadAsStringAsync());
                    using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
                    start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", json.RootElement.GetProperty("token").GetString());
                    using var started = await client.SendAsync(start);
                    last = "start " + (int)started.StatusCode;
                    if (started.StatusCode == HttpStatusCode.Created)
                    {
                        using var conversation = JsonDocument.Parse(await started.Content.ReadAsStringAsync());
                        _conversationId = conversation.RootElement.GetProperty("conversationId").GetString()!;
                        _token = conversation.RootElement.GetProperty("token").GetString()!;
                        await GreetedAsync(http);
                        return;
                    }
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                last = exception.Message;   // down: a page would try again (an abandoned conversation costs nothing)
            }

            Assert.True(DateTime.UtcNow < deadline, $"{Name}: no web chat conversation could be started within 2 minutes (last: {last}).");
            await Task.Delay(200);
        }
    }

    /// <summary>
    /// Waits for the greeting the chat opens with, so that it is not taken for the answer to the first message (or
    /// for the sign that a first post the app did not answer was accepted after all).
    /// </summary>
    private async Task GreetedAsync(Func<HttpClient> http)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (_answers.Count == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{Name}: no greeting within 2 minutes of opening the chat.");
            await Task.Delay(100);
            await RefreshAsync(http);
        }
    }

    protected override async Task<HttpResponseMessage> PostAsync(HttpClient http, string id, string text)
    {
        var body = new JsonObject
        {
            ["type"] = "message",
            ["text"] = text,
            ["locale"] = "en-US",
            ["channelData"] = new JsonObject { ["clientActivityID"] = id },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{_conversationId}/activities");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        _mayHaveArrived = true;
        try
        {
            return await http.SendAsync(request);
        }
        catch (HttpRequestException exception) when (exception.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
        {
            _mayHaveArrived = false;   // nobody listened: it did not arrive
            throw;
        }
    }

    protected override async Task<bool> AcceptedMeanwhileAsync(Func<HttpClient> http, string id, int receivedBefore)
    {
        var deadline = DateTime.UtcNow + (_mayHaveArrived ? TakeOverTime : TimeSpan.Zero);
        while (true)
        {
            await RefreshAsync(http);
            if (_echoed.Contains(id) || _answers.Count > receivedBefore)
            {
                return true;
            }

            if (DateTime.UtcNow >= deadline)
            {
                if (_mayHaveArrived)
                {
                    Resent++;
                }

                return false;
            }

            await Task.Delay(200);
        }
    }

    protected override async Task RefreshAsync(Func<HttpClient> http)
    {
        if (DateTime.UtcNow - _lastPoll < TimeSpan.FromMilliseconds(200))
        {
            return;
        }

        _lastPoll = DateTime.UtcNow;
        var query = _watermark is null ? string.Empty : "?watermark=" + _watermark;
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{_conversationId}/activities{query}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        try
        {
            using var response = await http().SendAsync(request);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return;
            }

            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            foreach (var activity in json.RootElement.GetProperty("activities").EnumerateArray())
            {
                Read(activity);
            }

            if (json.RootElement.TryGetProperty("watermark", out var watermark) && watermark.ValueKind == JsonValueKind.String)
            {
                _watermark = watermark.GetString();
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            // Down: the next poll reads from the same watermark.
        }
    }

    protected override IReadOnlyList<string> ReceivedTexts() => _answers;

    private void Read(JsonElement activity)
    {
        var role = activity.TryGetProperty("from", out var from) && from.TryGetProperty("role", out var r) ? r.GetString() : null;
        if (role == "bot")
        {
            if (activity.TryGetProperty("type", out var type) && type.GetString() == "message")
            {
                _answers.Add(activity.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString()! : "[attachment]");
            }
        }
        else if (activity.TryGetProperty("channelData", out var data) && data.ValueKind == JsonValueKind.Object
                 && data.TryGetProperty("clientActivityID", out var clientId) && clientId.GetString() is { } echoed)
        {
            _echoed.Add(echoed);
        }
    }
}
