using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ChannelBot.Channels.Meta;
using ChannelBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace ChannelBot.Web.Tests.Meta;

/// <summary>
/// A resident on Messenger: posts webhook events to the running app signed with the app secret, as Meta does, and
/// reads the bot's answers where Meta would get them — a fake Send API (WireMock) the app is pointed at through
/// <c>Meta:GraphBaseUrl</c>. A turn is over when every outbox row replying to the resident's message is sent.
/// </summary>
public sealed class MessengerResident : IDisposable
{
    public const string AppSecret = "e2e-meta-app-secret";
    public const string VerifyToken = "e2e-meta-verify-token";
    public const string PageToken = "EAAGe2epagetoken";
    public const string PageId = "104700000000001";
    public const string Psid = "6512300000000042";
    public const string MessagesPath = "/v23.0/me/messages";

    private readonly StringBuilder _transcript = new();
    private int _seen;
    private int _mids;

    public MessengerResident()
    {
        Graph.Given(Request.Create().WithPath(MessagesPath).UsingPost()).RespondWith(Response.Create()
            .WithStatusCode(200)
            .WithHeader("Content-Type", "application/json")
            .WithBody("""{"recipient_id":"6512300000000042","message_id":"m_out_e2e"}"""));
    }

    public WireMockServer Graph { get; } = WireMockServer.Start();

    public string Transcript => _transcript.ToString();

    /// <summary>The app's settings for a configured Messenger channel talking to this resident's fake Graph API.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Meta:AppSecret"] = AppSecret,
        ["Meta:VerifyToken"] = VerifyToken,
        ["Meta:PageAccessToken"] = PageToken,
        ["Meta:PageId"] = PageId,
        ["Meta:GraphBaseUrl"] = Graph.Url,
    };

    /// <summary>Every message the app posted to the Send API (sender actions left out), in order.</summary>
    public IReadOnlyList<JsonObject> Sent => Posted.Where(b => !b.ContainsKey("sender_action")).ToList();

    /// <summary>Every Send API body the app posted, sender actions (typing indicators) included, in order.</summary>
    public IReadOnlyList<JsonObject> Posted =>
        Graph.LogEntries.Where(e => e.RequestMessage.Path == MessagesPath).Select(e => JsonNode.Parse(e.RequestMessage.Body!)!.AsObject()).ToList();

    /// <summary>Waits (up to 30 s) until the Send API has got <paramref name="count"/> messages (a notification); returns them all.</summary>
    public async Task<IReadOnlyList<JsonObject>> WaitForSentAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Sent.Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, "The Send API got: " + string.Join(" | ", Sent.Select(b => b.ToJsonString())));
            await Task.Delay(25);
        }

        return Sent;
    }

    public Task<IReadOnlyList<JsonObject>> SayAsync(HttpClient http, IServiceProvider services, string text) =>
        SendAsync(http, services, new JsonObject { ["text"] = text }, text);

    /// <summary>
    /// Says <paramref name="text"/> while the conversation is with an operator: waits until the turn has run (the
    /// message is processed) and returns what the bot posted meanwhile, which should be nothing.
    /// </summary>
    public Task<IReadOnlyList<JsonObject>> SayToOperatorAsync(HttpClient http, IServiceProvider services, string text) =>
        SendAsync(http, services, new JsonObject { ["text"] = text }, text, quiet: true);

    public Task<IReadOnlyList<JsonObject>> TapAsync(HttpClient http, IServiceProvider services, JsonObject quickReply) =>
        SendAsync(http, services, new JsonObject
        {
            ["text"] = quickReply["title"]!.GetValue<string>(),
            ["quick_reply"] = new JsonObject { ["payload"] = quickReply["payload"]!.GetValue<string>() },
        }, "[tap] " + quickReply["title"]);

    public Task<IReadOnlyList<JsonObject>> SendPinAsync(HttpClient http, IServiceProvider services, double latitude, double longitude) =>
        SendAsync(http, services, new JsonObject
        {
            ["attachments"] = new JsonArray(new JsonObject
            {
                ["type"] = "location",
                ["title"] = "Pinned Location",
                ["payload"] = new JsonObject { ["coordinates"] = new JsonObject { ["lat"] = latitude, ["long"] = longitude } },
            }),
        }, "[pin]");

    public Task<IReadOnlyList<JsonObject>> SendPhotoAsync(HttpClient http, IServiceProvider services, string url) =>
        SendAsync(http, services, new JsonObject
        {
            ["attachments"] = new JsonArray(new JsonObject { ["type"] = "image", ["payload"] = new JsonObject { ["url"] = url } }),
        }, "[photo]");

    /// <summary>Posts one message event (signed) and returns the Send API bodies the bot posted in answer to it.</summary>
    private async Task<IReadOnlyList<JsonObject>> SendAsync(HttpClient http, IServiceProvider services, JsonObject message, string said, bool quiet = false)
    {
        var mid = "m_in_e2e_" + (++_mids).ToString(CultureInfo.InvariantCulture);
        message["mid"] = mid;
        // Meta stamps events with the world's time: in a test, the app's clock is the world's.
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().ToUnixTimeMilliseconds();
        var body = new JsonObject
        {
            ["object"] = "page",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = PageId,
                ["time"] = now,
                ["messaging"] = new JsonArray(new JsonObject
                {
                    ["sender"] = new JsonObject { ["id"] = Psid },
                    ["recipient"] = new JsonObject { ["id"] = PageId },
                    ["timestamp"] = now,
                    ["message"] = message,
                }),
            }),
        };
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        using var request = new HttpRequestMessage(HttpMethod.Post, MetaRoutes.WebhookPath) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(MetaSignature.HeaderName, MetaSignature.Compute(AppSecret, bytes));
        using var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"/api/meta/webhook answered {(int)response.StatusCode} to '{said}'");
        _transcript.Append("resident: ").AppendLine(said);

        if (quiet)
        {
            await WaitUntilProcessedAsync(services, mid);
        }
        else
        {
            await WaitUntilAnsweredAsync(services, mid);
        }

        var sent = Sent;
        var answers = sent.Skip(_seen).ToList();
        _seen = sent.Count;
        foreach (var answer in answers)
        {
            _transcript.Append("bot: ").AppendLine(answer["message"]?.ToJsonString() ?? answer.ToJsonString());
        }

        return answers;
    }

    /// <summary>Waits until the turn for <paramref name="mid"/> has written its replies and every one of them has been sent (or has failed).</summary>
    private async Task WaitUntilAnsweredAsync(IServiceProvider services, string mid)
    {
        var factory = services.GetRequiredService<IDbContextFactory<ChannelBotDbContext>>();
        var marker = "\"replyToId\":\"" + mid + "\"";
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using (var db = await factory.CreateDbContextAsync())
            {
                var rows = await db.OutboxMessages.AsNoTracking()
                    .Where(o => o.ChannelId == "facebook" && o.ActivityJson.Contains(marker))
                    .Select(o => o.Status)
                    .ToListAsync();
                if (rows.Count > 0 && rows.TrueForAll(s => s != OutboxStatus.Pending))
                {
                    return;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"No answer to {mid} was sent within 30 s.\n{Transcript}");
            await Task.Delay(50);
        }
    }

    /// <summary>Waits until the turn for <paramref name="mid"/> has run (its inbound row is processed).</summary>
    private async Task WaitUntilProcessedAsync(IServiceProvider services, string mid)
    {
        var factory = services.GetRequiredService<IDbContextFactory<ChannelBotDbContext>>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using (var db = await factory.CreateDbContextAsync())
            {
                if (await db.InboundActivities.AsNoTracking().AnyAsync(i => i.ActivityId == mid && i.ProcessedAt != null))
                {
                    return;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"{mid} was not processed within 30 s.\n{Transcript}");
            await Task.Delay(50);
        }
    }

    public void Dispose() => Graph.Dispose();
}
