using System.Globalization;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace ChannelBot.Web.Tests.Chaos;

/// <summary>
/// Meta's Send API for many residents at once: every message posted to <c>/me/messages</c> is counted for its
/// recipient (a PSID), sender actions (typing) left out, and answered with a message id of its own, as Meta does.
/// </summary>
internal sealed class FakeGraph : IDisposable
{
    public const string AppSecret = "chaos-meta-app-secret";
    public const string PageId = "104700000000077";
    private const string MessagesPath = "/v23.0/me/messages";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<string>> _received = new(StringComparer.Ordinal);
    private int _sent;

    public FakeGraph()
    {
        Server = WireMockServer.Start();
        Server.Given(Request.Create().WithPath(MessagesPath).UsingPost()).RespondWith(Response.Create().WithCallback(Send));
    }

    public WireMockServer Server { get; }

    /// <summary>The settings that point the app's Messenger channel at this fake.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["Meta:AppSecret"] = AppSecret,
        ["Meta:VerifyToken"] = "chaos-meta-verify-token",
        ["Meta:PageAccessToken"] = "EAAGchaospagetoken",
        ["Meta:PageId"] = PageId,
        ["Meta:GraphBaseUrl"] = Server.Url,
    };

    /// <summary>The texts one resident received, in order.</summary>
    public IReadOnlyList<string> SentTo(string psid)
    {
        lock (_gate)
        {
            return _received.TryGetValue(psid, out var texts) ? [.. texts] : [];
        }
    }

    public void Dispose() => Server.Stop();

    private ResponseMessage Send(IRequestMessage request)
    {
        var body = JsonNode.Parse(request.Body ?? "{}")!.AsObject();
        var psid = body["recipient"]?["id"]?.GetValue<string>() ?? string.Empty;
        if (!body.ContainsKey("sender_action"))
        {
            var text = body["message"]?["text"]?.GetValue<string>() ?? "[" + (body["message"]?["attachment"]?["type"]?.GetValue<string>() ?? "?") + "]";
            lock (_gate)
            {
                if (!_received.TryGetValue(psid, out var texts))
                {
                    _received[psid] = texts = [];
                }

                texts.Add(text);
            }
        }

        var id = "m_out_" + Interlocked.Increment(ref _sent).ToString(CultureInfo.InvariantCulture);
        return new ResponseMessage
        {
            StatusCode = 200,
            Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") },
            BodyData = new BodyData
            {
                BodyAsString = new JsonObject { ["recipient_id"] = psid, ["message_id"] = id }.ToJsonString(),
                DetectedBodyType = BodyType.String,
            },
        };
    }
}
