using System.Text.Json.Nodes;
using WireMock.Logging;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace ChannelBot.Channels.Tests.Meta;

/// <summary>Plays the Messenger Send API (<c>POST /v23.0/me/messages</c>) on a WireMock server on loopback.</summary>
public sealed class FakeGraphApi : IDisposable
{
    public const string MessagesPath = "/v23.0/me/messages";

    public const string TextMid = "m_out_text_1";

    public const string ImageMid = "m_out_image_1";

    public WireMockServer Server { get; } = WireMockServer.Start();

    public string Url => Server.Url!;

    public IReadOnlyList<ILogEntry> Sends =>
        Server.LogEntries.Where(e => e.RequestMessage.Path == MessagesPath && e.RequestMessage.Method == "POST").ToList();

    /// <summary>The JSON bodies posted, in order.</summary>
    public IReadOnlyList<JsonObject> Bodies => Sends.Select(Body).ToList();

    /// <summary>
    /// Every send answers 200: a text message with <c>message_id</c> <see cref="TextMid"/>, an image with
    /// <see cref="ImageMid"/>, a sender action with <c>recipient_id</c> only.
    /// </summary>
    public void AcceptMessages()
    {
        Server.Given(Request.Create().WithPath(MessagesPath).UsingPost().WithBody(new WildcardMatcher("*\"sender_action\"*"))).AtPriority(1)
            .RespondWith(Ok(new JsonObject { ["recipient_id"] = "6512300000000001" }));
        Server.Given(Request.Create().WithPath(MessagesPath).UsingPost().WithBody(new WildcardMatcher("*\"attachment\"*"))).AtPriority(2)
            .RespondWith(Ok(new JsonObject { ["recipient_id"] = "6512300000000001", ["message_id"] = ImageMid }));
        Server.Given(Request.Create().WithPath(MessagesPath).UsingPost()).AtPriority(3)
            .RespondWith(Ok(new JsonObject { ["recipient_id"] = "6512300000000001", ["message_id"] = TextMid }));
    }

    /// <summary>Every send answers <paramref name="status"/> with a Graph error body.</summary>
    public void RefuseMessages(int status, int code, int? subcode = null, string message = "refused") =>
        Server.Given(Request.Create().WithPath(MessagesPath).UsingPost()).RespondWith(Response.Create()
            .WithStatusCode(status)
            .WithHeader("Content-Type", "application/json")
            .WithBody(new JsonObject
            {
                ["error"] = new JsonObject
                {
                    ["message"] = message,
                    ["type"] = "OAuthException",
                    ["code"] = code,
                    ["error_subcode"] = subcode,
                    ["fbtrace_id"] = "AbCdEfGh",
                },
            }.ToJsonString()));

    private static IResponseBuilder Ok(JsonObject body) =>
        Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body.ToJsonString());

    public static JsonObject Body(ILogEntry entry) => JsonNode.Parse(entry.RequestMessage.Body!)!.AsObject();

    public void Dispose() => Server.Dispose();
}
