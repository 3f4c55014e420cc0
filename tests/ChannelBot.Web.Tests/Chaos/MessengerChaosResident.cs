using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ChannelBot.Channels.Meta;

namespace ChannelBot.Web.Tests.Chaos;

/// <summary>
/// A resident on Messenger: each message is a webhook event signed with the app secret, as Meta posts it; one the
/// app did not accept is posted again with the same <c>mid</c> and timestamp (Meta redelivers the same event).
/// Answers are counted at the fake Send API.
/// </summary>
internal sealed class MessengerChaosResident(FakeGraph graph, string psid, IReadOnlyList<string> script) : ChaosResident(psid, script)
{
    private readonly Dictionary<string, long> _stamps = new(StringComparer.Ordinal);

    protected override async Task<HttpResponseMessage> PostAsync(HttpClient http, string id, string text)
    {
        if (!_stamps.TryGetValue(id, out var stamp))
        {
            _stamps[id] = stamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        }

        var body = new JsonObject
        {
            ["object"] = "page",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = FakeGraph.PageId,
                ["time"] = stamp,
                ["messaging"] = new JsonArray(new JsonObject
                {
                    ["sender"] = new JsonObject { ["id"] = Name },
                    ["recipient"] = new JsonObject { ["id"] = FakeGraph.PageId },
                    ["timestamp"] = stamp,
                    ["message"] = new JsonObject { ["mid"] = "m_" + id, ["text"] = text },
                }),
            }),
        };
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        using var request = new HttpRequestMessage(HttpMethod.Post, MetaRoutes.WebhookPath) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(MetaSignature.HeaderName, MetaSignature.Compute(FakeGraph.AppSecret, bytes));
        return await http.SendAsync(request);
    }

    protected override IReadOnlyList<string> ReceivedTexts() => graph.SentTo(Name);
}
